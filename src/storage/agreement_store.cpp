#include "storage/agreement_store.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kSelect =
    "SELECT meeting_id, tenant, status, content_encrypted, version, current_item, read_back_at, read_back_by, "
    "confirmed_at, confirmed_by, pdf_encrypted, pdf_sha256, sent_at, exported_at, updated_by, created_at, "
    "updated_at FROM agreements ";

Value opt(const std::optional<std::int64_t>& v) { return v ? Value{*v} : Value{nullptr}; }
Value opt(const std::string& v) { return v.empty() ? Value{nullptr} : Value{v}; }

AgreementRow agreement_from(const Row& r) {
  AgreementRow a;
  a.meeting_id = r.text(0);
  a.tenant = r.text(1);
  a.status = r.text(2);
  a.content_encrypted = r.text(3);
  a.version = r.integer(4);
  a.current_item = static_cast<int>(r.integer(5));
  a.read_back_at_ms = r.optional_integer(6);
  a.read_back_by = r.optional_text(7).value_or("");
  a.confirmed_at_ms = r.optional_integer(8);
  a.confirmed_by = r.optional_text(9).value_or("");
  a.pdf_encrypted = r.text(10);
  a.pdf_sha256 = r.text(11);
  a.sent_at_ms = r.optional_integer(12);
  a.exported_at_ms = r.optional_integer(13);
  a.updated_by = r.optional_text(14).value_or("");
  a.created_at_ms = r.integer(15);
  a.updated_at_ms = r.integer(16);
  return a;
}

}  // namespace

void insert_agreement(Connection& conn, const AgreementRow& a) {
  conn.query(
      "INSERT INTO agreements (meeting_id, tenant, status, content_encrypted, version, current_item, read_back_at, "
      "read_back_by, confirmed_at, confirmed_by, pdf_encrypted, pdf_sha256, sent_at, exported_at, updated_by, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
      {a.meeting_id, a.tenant, a.status, a.content_encrypted, a.version, static_cast<std::int64_t>(a.current_item),
       opt(a.read_back_at_ms), opt(a.read_back_by), opt(a.confirmed_at_ms), opt(a.confirmed_by), a.pdf_encrypted,
       a.pdf_sha256, opt(a.sent_at_ms), opt(a.exported_at_ms), opt(a.updated_by), a.created_at_ms,
       a.updated_at_ms});
}

std::optional<AgreementRow> find_agreement(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  const Result r = conn.query(std::string(kSelect) + "WHERE tenant = $1 AND meeting_id = $2", {tenant, meeting_id});
  if (r.rows.empty()) return std::nullopt;
  return agreement_from(r.rows.front());
}

bool update_agreement(Connection& conn, const AgreementRow& a, std::int64_t expected_version) {
  return conn.query(
                 "UPDATE agreements SET status = $3, content_encrypted = $4, version = $5, current_item = $6, "
                 "read_back_at = $7, read_back_by = $8, confirmed_at = $9, confirmed_by = $10, updated_by = $11, "
                 "updated_at = $12 WHERE tenant = $1 AND meeting_id = $2 AND version = $13",
                 {a.tenant, a.meeting_id, a.status, a.content_encrypted, a.version,
                  static_cast<std::int64_t>(a.current_item), opt(a.read_back_at_ms), opt(a.read_back_by),
                  opt(a.confirmed_at_ms), opt(a.confirmed_by), opt(a.updated_by), a.updated_at_ms,
                  expected_version})
             .affected > 0;
}

void set_agreement_pdf(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                       const std::string& pdf_encrypted, const std::string& sha256) {
  conn.query("UPDATE agreements SET pdf_encrypted = $3, pdf_sha256 = $4 WHERE tenant = $1 AND meeting_id = $2",
             {tenant, meeting_id, pdf_encrypted, sha256});
}

void set_agreement_sent(Connection& conn, const std::string& tenant, const std::string& meeting_id, std::int64_t at_ms) {
  conn.query("UPDATE agreements SET sent_at = $3 WHERE tenant = $1 AND meeting_id = $2", {tenant, meeting_id, at_ms});
}

void set_agreement_exported(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                            std::int64_t at_ms) {
  conn.query("UPDATE agreements SET exported_at = $3 WHERE tenant = $1 AND meeting_id = $2",
             {tenant, meeting_id, at_ms});
}

std::vector<AgreementActionRow> agreement_actions(Connection& conn, const std::string& tenant,
                                                  const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT id, tenant, meeting_id, position, text_encrypted, owner_id, owner_name, due_at, created_at "
      "FROM agreement_actions WHERE tenant = $1 AND meeting_id = $2 ORDER BY position, id",
      {tenant, meeting_id});
  std::vector<AgreementActionRow> out;
  for (const Row& row : r.rows) {
    AgreementActionRow a;
    a.id = row.text(0);
    a.tenant = row.text(1);
    a.meeting_id = row.text(2);
    a.position = static_cast<int>(row.integer(3));
    a.text_encrypted = row.text(4);
    a.owner_id = row.optional_text(5).value_or("");
    a.owner_name = row.text(6);
    a.due_at_ms = row.optional_integer(7);
    a.created_at_ms = row.integer(8);
    out.push_back(std::move(a));
  }
  return out;
}

void replace_agreement_actions(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                               const std::vector<AgreementActionRow>& actions) {
  conn.query("DELETE FROM agreement_actions WHERE tenant = $1 AND meeting_id = $2", {tenant, meeting_id});
  std::int64_t position = 0;
  for (const auto& a : actions) {
    conn.query(
        "INSERT INTO agreement_actions (id, tenant, meeting_id, position, text_encrypted, owner_id, owner_name, "
        "due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {a.id, tenant, meeting_id, position++, a.text_encrypted, opt(a.owner_id), a.owner_name, opt(a.due_at_ms),
         a.created_at_ms});
  }
}

std::vector<ModeItemRow> agenda_items_for_mode(Connection& conn, const std::string& tenant,
                                                 const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT position, title, description, description_encrypted, speaking_order FROM meeting_agenda_items "
      "WHERE tenant = $1 AND meeting_id = $2 ORDER BY position, id",
      {tenant, meeting_id});
  std::vector<ModeItemRow> out;
  for (const Row& row : r.rows)
    out.push_back({static_cast<int>(row.integer(0)), row.text(1), row.text(2), row.text(3), row.text(4)});
  return out;
}

}  // namespace samspil::storage
