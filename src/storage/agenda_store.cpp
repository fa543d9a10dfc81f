#include "storage/agenda_store.hpp"

#include "storage/sql_values.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kItemSelect =
    "SELECT id, tenant, meeting_id, position, title, description, description_encrypted, speaking_order, rules, source, "
    "added_by, created_at, updated_at FROM meeting_agenda_items ";

AgendaItemRow item_from(const Row& r) {
  AgendaItemRow i;
  i.id = r.text(0);
  i.tenant = r.text(1);
  i.meeting_id = r.text(2);
  i.position = static_cast<int>(r.integer(3));
  i.title = r.text(4);
  i.description = r.text(5);
  i.description_encrypted = r.text(6);
  i.speaking_order_json = r.text(7);
  i.rules_json = r.text(8);
  i.source = r.text(9);
  i.added_by = r.optional_text(10).value_or("");
  i.created_at_ms = r.integer(11);
  i.updated_at_ms = r.integer(12);
  return i;
}

}  // namespace

std::optional<MeetingSubject> find_meeting_subject(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(
      "SELECT m.id, m.tenant, m.case_id, m.model_id, m.type_id, m.status, m.follow_up_of, m.convened_by, "
      "c.unit_id, m.starts_at, m.ends_at, m.invitation_sent_at, m.agenda_sent_at, m.agreement_sent_at, c.closed_at, "
      "c.child_id "
      "FROM meetings m JOIN cases c ON c.id = m.case_id AND c.tenant = m.tenant "
      "WHERE m.tenant = $1 AND m.id = $2",
      {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  MeetingSubject m;
  m.id = row.text(0);
  m.tenant = row.text(1);
  m.case_id = row.text(2);
  m.model_id = row.text(3);
  m.type_id = row.text(4);
  m.status = row.text(5);
  m.follow_up_of = row.optional_text(6).value_or("");
  m.convened_by = row.text(7);
  m.unit_id = row.optional_text(8).value_or("");
  m.starts_at_ms = row.optional_integer(9);
  m.ends_at_ms = row.optional_integer(10);
  m.invitation_sent_at_ms = row.optional_integer(11);
  m.agenda_sent_at_ms = row.optional_integer(12);
  m.agreement_sent_at_ms = row.optional_integer(13);
  m.case_closed_at_ms = row.optional_integer(14);
  m.child_id = row.text(15);
  return m;
}

std::vector<MeetingPerson> meeting_people(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT p.id, p.kind, p.user_id, p.role_in_case, COALESCE(u.display_name, p.display_name), "
      "COALESCE(u.email, p.email), p.response, p.responded_at FROM meeting_participants p "
      "LEFT JOIN users u ON u.id = p.user_id AND u.tenant = p.tenant "
      "WHERE p.tenant = $1 AND p.meeting_id = $2 ORDER BY p.added_at, p.id",
      {tenant, meeting_id});
  std::vector<MeetingPerson> out;
  for (const Row& row : r.rows) {
    MeetingPerson p;
    p.participant_id = row.text(0);
    p.kind = row.text(1);
    p.user_id = row.optional_text(2).value_or("");
    p.role_in_case = row.text(3);
    p.display_name = row.optional_text(4).value_or("");
    p.email = row.optional_text(5).value_or("");
    p.response = row.text(6);
    p.responded_at_ms = row.optional_integer(7);
    out.push_back(std::move(p));
  }
  return out;
}

std::map<std::string, std::string> meeting_role_users(Connection& conn, const std::string& tenant,
                                                      const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT r.role, p.user_id FROM meeting_roles r JOIN meeting_participants p ON p.id = r.participant_id "
      "WHERE r.tenant = $1 AND r.meeting_id = $2",
      {tenant, meeting_id});
  std::map<std::string, std::string> out;
  for (const Row& row : r.rows) out[row.text(0)] = row.optional_text(1).value_or("");
  return out;
}

void set_meeting_agenda_sent(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                             std::int64_t at_ms) {
  conn.query("UPDATE meetings SET agenda_sent_at = $3, updated_at = $3 WHERE tenant = $1 AND id = $2",
             {tenant, meeting_id, at_ms});
}

void insert_agenda(Connection& conn, const AgendaRow& a) {
  conn.query(
      "INSERT INTO meeting_agendas (meeting_id, tenant, kind, speaking_order, rules, sent_by, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {a.meeting_id, a.tenant, a.kind, a.speaking_order_json, a.rules_json, or_null(a.sent_by), a.created_at_ms,
       a.updated_at_ms});
}

std::optional<AgendaRow> find_agenda(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT meeting_id, tenant, kind, speaking_order, rules, sent_by, created_at, updated_at FROM meeting_agendas "
      "WHERE tenant = $1 AND meeting_id = $2",
      {tenant, meeting_id});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  AgendaRow a;
  a.meeting_id = row.text(0);
  a.tenant = row.text(1);
  a.kind = row.text(2);
  a.speaking_order_json = row.text(3);
  a.rules_json = row.text(4);
  a.sent_by = row.optional_text(5).value_or("");
  a.created_at_ms = row.integer(6);
  a.updated_at_ms = row.integer(7);
  return a;
}

void set_agenda_sent_by(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                        const std::string& user_id, std::int64_t now_ms) {
  conn.query("UPDATE meeting_agendas SET sent_by = $3, updated_at = $4 WHERE tenant = $1 AND meeting_id = $2",
             {tenant, meeting_id, user_id, now_ms});
}

void insert_agenda_item(Connection& conn, const AgendaItemRow& i) {
  conn.query(
      "INSERT INTO meeting_agenda_items (id, tenant, meeting_id, position, title, description, description_encrypted, "
      "speaking_order, rules, source, added_by, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
      {i.id, i.tenant, i.meeting_id, std::int64_t{i.position}, i.title, i.description, i.description_encrypted,
       i.speaking_order_json, i.rules_json, i.source, or_null(i.added_by), i.created_at_ms, i.updated_at_ms});
}

std::vector<AgendaItemRow> agenda_items(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  const Result r = conn.query(std::string(kItemSelect) + "WHERE tenant = $1 AND meeting_id = $2 ORDER BY position, id",
                              {tenant, meeting_id});
  std::vector<AgendaItemRow> out;
  for (const Row& row : r.rows) out.push_back(item_from(row));
  return out;
}

void update_agenda_item(Connection& conn, const AgendaItemRow& i) {
  conn.query(
      "UPDATE meeting_agenda_items SET title = $4, description_encrypted = $5, position = $6, updated_at = $7, "
      "description = $8 "
      "WHERE tenant = $1 AND meeting_id = $2 AND id = $3",
      {i.tenant, i.meeting_id, i.id, i.title, i.description_encrypted, std::int64_t{i.position}, i.updated_at_ms,
       i.description});
}

bool delete_agenda_item(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                        const std::string& item_id) {
  return conn.query("DELETE FROM meeting_agenda_items WHERE tenant = $1 AND meeting_id = $2 AND id = $3",
                    {tenant, meeting_id, item_id})
             .affected > 0;
}

void save_brief(Connection& conn, const BriefRow& b) {
  const Result r = conn.query(
      "UPDATE meeting_briefs SET owner_id = $3, body_encrypted = $4, updated_by = $5, updated_at = $6 "
      "WHERE tenant = $1 AND meeting_id = $2",
      {b.tenant, b.meeting_id, or_null(b.owner_id), b.body_encrypted, or_null(b.updated_by), b.updated_at_ms});
  if (r.affected > 0) return;
  conn.query(
      "INSERT INTO meeting_briefs (meeting_id, tenant, owner_id, body_encrypted, updated_by, sent_at, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {b.meeting_id, b.tenant, or_null(b.owner_id), b.body_encrypted, or_null(b.updated_by), or_null(b.sent_at_ms),
       b.created_at_ms, b.updated_at_ms});
}

std::optional<BriefRow> find_brief(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT meeting_id, tenant, owner_id, body_encrypted, updated_by, sent_at, created_at, updated_at "
      "FROM meeting_briefs WHERE tenant = $1 AND meeting_id = $2",
      {tenant, meeting_id});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  BriefRow b;
  b.meeting_id = row.text(0);
  b.tenant = row.text(1);
  b.owner_id = row.optional_text(2).value_or("");
  b.body_encrypted = row.text(3);
  b.updated_by = row.optional_text(4).value_or("");
  b.sent_at_ms = row.optional_integer(5);
  b.created_at_ms = row.integer(6);
  b.updated_at_ms = row.integer(7);
  return b;
}

void set_brief_sent(Connection& conn, const std::string& tenant, const std::string& meeting_id, std::int64_t at_ms) {
  conn.query("UPDATE meeting_briefs SET sent_at = $3, updated_at = $3 WHERE tenant = $1 AND meeting_id = $2",
             {tenant, meeting_id, at_ms});
}

void insert_meeting_document(Connection& conn, const MeetingDocumentRow& d) {
  conn.query(
      "INSERT INTO meeting_documents (id, tenant, meeting_id, kind, attachment_id, label, added_by, added_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {d.id, d.tenant, d.meeting_id, d.kind, d.attachment_id, d.label, or_null(d.added_by), d.added_at_ms});
}

std::vector<MeetingDocumentRow> meeting_documents(Connection& conn, const std::string& tenant,
                                                  const std::string& meeting_id) {
  const Result r = conn.query(
      "SELECT id, tenant, meeting_id, kind, attachment_id, label, added_by, added_at FROM meeting_documents "
      "WHERE tenant = $1 AND meeting_id = $2 AND removed_at IS NULL ORDER BY added_at, id",
      {tenant, meeting_id});
  std::vector<MeetingDocumentRow> out;
  for (const Row& row : r.rows) {
    MeetingDocumentRow d;
    d.id = row.text(0);
    d.tenant = row.text(1);
    d.meeting_id = row.text(2);
    d.kind = row.text(3);
    d.attachment_id = row.text(4);
    d.label = row.text(5);
    d.added_by = row.optional_text(6).value_or("");
    d.added_at_ms = row.integer(7);
    out.push_back(std::move(d));
  }
  return out;
}

bool remove_meeting_document(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                             const std::string& id, std::int64_t at_ms) {
  return conn.query(
                 "UPDATE meeting_documents SET removed_at = $4 WHERE tenant = $1 AND meeting_id = $2 AND id = $3 "
                 "AND removed_at IS NULL",
                 {tenant, meeting_id, id, at_ms})
             .affected > 0;
}

}  // namespace samspil::storage
