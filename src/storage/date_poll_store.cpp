#include "storage/date_poll_store.hpp"

namespace samspil::storage {
namespace {

Value null_if_empty(const std::string& s) { return s.empty() ? Value{nullptr} : Value{s}; }

}  // namespace

void insert_date_proposal(Connection& conn, const DateProposalRow& p) {
  conn.query(
      "INSERT INTO meeting_date_proposals (id, tenant, meeting_id, position, starts_at, ends_at, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {p.id, p.tenant, p.meeting_id, std::int64_t{p.position}, p.starts_at_ms, p.ends_at_ms, p.created_at_ms});
}

std::vector<DateProposalRow> date_proposals(Connection& conn, const std::string& tenant,
                                            const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT id, tenant, meeting_id, position, starts_at, ends_at, chosen_at, chosen_by, chosen_for_parents, "
      "reason_encrypted, created_at FROM meeting_date_proposals WHERE tenant = $1 AND meeting_id = $2 "
      "ORDER BY position, id",
      {tenant, meeting_id});
  std::vector<DateProposalRow> out;
  for (const Row& row : r.rows) {
    DateProposalRow p;
    p.id = row.text(0);
    p.tenant = row.text(1);
    p.meeting_id = row.text(2);
    p.position = static_cast<int>(row.integer(3));
    p.starts_at_ms = row.integer(4);
    p.ends_at_ms = row.integer(5);
    p.chosen_at_ms = row.optional_integer(6);
    p.chosen_by = row.optional_text(7).value_or("");
    p.chosen_for_parents = row.integer(8) != 0;
    p.reason_encrypted = row.text(9);
    p.created_at_ms = row.integer(10);
    out.push_back(std::move(p));
  }
  return out;
}

void choose_date_proposal(Connection& conn, const std::string& tenant, const std::string& proposal_id,
                          const std::string& chosen_by, bool for_parents, const std::string& reason_encrypted,
                          std::int64_t at_ms) {
  conn.query(
      "UPDATE meeting_date_proposals SET chosen_at = $1, chosen_by = $2, chosen_for_parents = $3, "
      "reason_encrypted = $4 WHERE tenant = $5 AND id = $6",
      {at_ms, null_if_empty(chosen_by), std::int64_t{for_parents ? 1 : 0}, reason_encrypted, tenant, proposal_id});
}

void insert_date_link(Connection& conn, const DateLinkRow& l) {
  conn.query(
      "INSERT INTO meeting_date_links (token_hash, tenant, meeting_id, participant_id, created_at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {l.token_hash, l.tenant, l.meeting_id, l.participant_id, l.created_at_ms});
}

std::optional<DateLinkRow> find_date_link(Connection& conn, const std::string& token_hash) {
  const Result r = conn.query(
      "SELECT token_hash, tenant, meeting_id, participant_id, created_at, used_at FROM meeting_date_links "
      "WHERE token_hash = $1",
      {token_hash});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  return DateLinkRow{row.text(0), row.text(1), row.text(2), row.text(3), row.integer(4), row.optional_integer(5)};
}

void close_date_links(Connection& conn, const std::string& tenant, const std::string& meeting_id, std::int64_t at_ms) {
  conn.query("UPDATE meeting_date_links SET used_at = $1 WHERE tenant = $2 AND meeting_id = $3 AND used_at IS NULL",
             {at_ms, tenant, meeting_id});
}

}  // namespace samspil::storage
