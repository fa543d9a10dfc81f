#include "storage/meeting_store.hpp"

#include "storage/sql_values.hpp"

namespace samspil::storage {
namespace {

constexpr const char* kMeetingColumns =
    "m.id, m.tenant, m.case_id, m.model_id, m.type_id, m.status, m.course, m.follow_up_of, m.without_parents, "
    "m.starts_at, m.ends_at, m.location, m.ical_uid, m.ical_sequence, m.convened_by, m.convened_at, "
    "m.invitation_sent_at, m.acceptance_due_at, m.agenda_sent_at, m.held_at, m.finalised_at, m.agreement_sent_at, "
    "m.parents_informed_at, m.cancelled_at, m.cancel_reason, m.created_at, m.updated_at";
constexpr std::size_t kMeetingColumnCount = 27;

constexpr const char* kParticipantColumns =
    "p.id, p.tenant, p.meeting_id, p.kind, p.user_id, p.role_in_case, p.display_name, p.email, p.response, "
    "p.responded_at, p.response_token_hash, p.added_at";

MeetingRecord meeting_from(const Row& r) {
  MeetingRecord m;
  m.id = r.text(0);
  m.tenant = r.text(1);
  m.case_id = r.text(2);
  m.model_id = r.text(3);
  m.type_id = r.text(4);
  m.status = r.text(5);
  m.course = r.text(6);
  m.follow_up_of = r.optional_text(7).value_or("");
  m.without_parents = r.integer(8) != 0;
  m.starts_at_ms = r.optional_integer(9);
  m.ends_at_ms = r.optional_integer(10);
  m.location = r.text(11);
  m.ical_uid = r.text(12);
  m.ical_sequence = static_cast<int>(r.integer(13));
  m.convened_by = r.text(14);
  m.convened_at_ms = r.integer(15);
  m.invitation_sent_at_ms = r.optional_integer(16);
  m.acceptance_due_at_ms = r.optional_integer(17);
  m.agenda_sent_at_ms = r.optional_integer(18);
  m.held_at_ms = r.optional_integer(19);
  m.finalised_at_ms = r.optional_integer(20);
  m.agreement_sent_at_ms = r.optional_integer(21);
  m.parents_informed_at_ms = r.optional_integer(22);
  m.cancelled_at_ms = r.optional_integer(23);
  m.cancel_reason = r.text(24);
  m.created_at_ms = r.integer(25);
  m.updated_at_ms = r.integer(26);
  return m;
}

MeetingParticipantRow participant_from(const Row& r) {
  MeetingParticipantRow p;
  p.id = r.text(0);
  p.tenant = r.text(1);
  p.meeting_id = r.text(2);
  p.kind = r.text(3);
  p.user_id = r.optional_text(4).value_or("");
  p.role_in_case = r.text(5);
  p.display_name = r.text(6);
  p.email = r.text(7);
  p.response = r.text(8);
  p.responded_at_ms = r.optional_integer(9);
  p.response_token_hash = r.optional_text(10).value_or("");
  p.added_at_ms = r.integer(11);
  return p;
}

MeetingRoleRow role_from(const Row& r) {
  return MeetingRoleRow{r.text(0), r.text(1), r.text(2), r.text(3), r.optional_text(4).value_or(""), r.integer(5)};
}

// "$n, $n+1, …" for values appended to params; "NULL" for an empty list (matches nothing).

}  // namespace

void insert_meeting(Connection& conn, const MeetingRecord& m) {
  conn.query(
      "INSERT INTO meetings (id, tenant, case_id, model_id, type_id, status, course, follow_up_of, without_parents, "
      "starts_at, ends_at, location, ical_uid, ical_sequence, convened_by, convened_at, invitation_sent_at, "
      "acceptance_due_at, agenda_sent_at, held_at, finalised_at, agreement_sent_at, parents_informed_at, "
      "cancelled_at, cancel_reason, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
      "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)",
      {m.id, m.tenant, m.case_id, m.model_id, m.type_id, m.status, m.course, or_null(m.follow_up_of),
       std::int64_t{m.without_parents ? 1 : 0}, or_null(m.starts_at_ms), or_null(m.ends_at_ms), m.location,
       m.ical_uid, std::int64_t{m.ical_sequence}, m.convened_by, m.convened_at_ms, or_null(m.invitation_sent_at_ms),
       or_null(m.acceptance_due_at_ms), or_null(m.agenda_sent_at_ms), or_null(m.held_at_ms),
       or_null(m.finalised_at_ms), or_null(m.agreement_sent_at_ms), or_null(m.parents_informed_at_ms),
       or_null(m.cancelled_at_ms), m.cancel_reason, m.created_at_ms, m.updated_at_ms});
}

std::optional<MeetingRecord> find_meeting(Connection& conn, const std::string& tenant, const std::string& id) {
  const Result r = conn.query(std::string("SELECT ") + kMeetingColumns + " FROM meetings m WHERE m.tenant = $1 AND m.id = $2",
                              {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return meeting_from(r.rows.front());
}

void update_meeting(Connection& conn, const MeetingRecord& m) {
  conn.query(
      "UPDATE meetings SET status = $3, course = $4, follow_up_of = $5, without_parents = $6, starts_at = $7, "
      "ends_at = $8, location = $9, ical_sequence = $10, invitation_sent_at = $11, acceptance_due_at = $12, "
      "agenda_sent_at = $13, held_at = $14, finalised_at = $15, agreement_sent_at = $16, parents_informed_at = $17, "
      "cancelled_at = $18, cancel_reason = $19, updated_at = $20 WHERE tenant = $1 AND id = $2",
      {m.tenant, m.id, m.status, m.course, or_null(m.follow_up_of), std::int64_t{m.without_parents ? 1 : 0},
       or_null(m.starts_at_ms), or_null(m.ends_at_ms), m.location, std::int64_t{m.ical_sequence},
       or_null(m.invitation_sent_at_ms), or_null(m.acceptance_due_at_ms), or_null(m.agenda_sent_at_ms),
       or_null(m.held_at_ms), or_null(m.finalised_at_ms), or_null(m.agreement_sent_at_ms),
       or_null(m.parents_informed_at_ms), or_null(m.cancelled_at_ms), m.cancel_reason, m.updated_at_ms});
}

std::vector<MeetingRecord> meetings_of_case(Connection& conn, const std::string& tenant, const std::string& case_id) {
  const Result r = conn.query(std::string("SELECT ") + kMeetingColumns +
                                  " FROM meetings m WHERE m.tenant = $1 AND m.case_id = $2 "
                                  "ORDER BY CASE WHEN m.starts_at IS NULL THEN 1 ELSE 0 END, m.starts_at, m.id",
                              {tenant, case_id});
  std::vector<MeetingRecord> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back(meeting_from(row));
  return out;
}

void insert_meeting_participant(Connection& conn, const MeetingParticipantRow& p) {
  conn.query(
      "INSERT INTO meeting_participants (id, tenant, meeting_id, kind, user_id, role_in_case, display_name, email, "
      "response, responded_at, response_token_hash, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
      "$12)",
      {p.id, p.tenant, p.meeting_id, p.kind, or_null(p.user_id), p.role_in_case, p.display_name, p.email, p.response,
       or_null(p.responded_at_ms), or_null(p.response_token_hash), p.added_at_ms});
}

std::vector<MeetingParticipantRow> meeting_participants(Connection& conn, const std::string& tenant,
                                                        const std::string& meeting_id) {
  return participants_of_meetings(conn, tenant, {meeting_id});
}

std::vector<MeetingParticipantRow> participants_of_meetings(Connection& conn, const std::string& tenant,
                                                            const std::vector<std::string>& meeting_ids) {
  if (meeting_ids.empty()) return {};
  std::vector<Value> params{tenant};
  const std::string in = placeholders(params, meeting_ids);
  const Result r = conn.query(std::string("SELECT ") + kParticipantColumns +
                                  " FROM meeting_participants p WHERE p.tenant = $1 AND p.meeting_id IN (" + in +
                                  ") ORDER BY p.meeting_id, p.added_at, p.id",
                              params);
  std::vector<MeetingParticipantRow> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back(participant_from(row));
  return out;
}

std::optional<MeetingParticipantRow> find_meeting_participant(Connection& conn, const std::string& tenant,
                                                              const std::string& id) {
  const Result r = conn.query(
      std::string("SELECT ") + kParticipantColumns + " FROM meeting_participants p WHERE p.tenant = $1 AND p.id = $2",
      {tenant, id});
  if (r.rows.empty()) return std::nullopt;
  return participant_from(r.rows.front());
}

std::optional<MeetingParticipantRow> find_participant_by_token_hash(Connection& conn, const std::string& token_hash) {
  if (token_hash.empty()) return std::nullopt;
  const Result r = conn.query(
      std::string("SELECT ") + kParticipantColumns + " FROM meeting_participants p WHERE p.response_token_hash = $1",
      {token_hash});
  if (r.rows.empty()) return std::nullopt;
  return participant_from(r.rows.front());
}

void set_participant_response(Connection& conn, const std::string& tenant, const std::string& participant_id,
                              const std::string& response, std::int64_t at_ms) {
  conn.query(
      "UPDATE meeting_participants SET response = $3, responded_at = $4, response_token_hash = NULL "
      "WHERE tenant = $1 AND id = $2",
      {tenant, participant_id, response, at_ms});
}

void set_participant_token(Connection& conn, const std::string& tenant, const std::string& participant_id,
                           const std::string& token_hash) {
  conn.query("UPDATE meeting_participants SET response_token_hash = $3 WHERE tenant = $1 AND id = $2",
             {tenant, participant_id, or_null(token_hash)});
}

void reset_meeting_responses(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  conn.query(
      "UPDATE meeting_participants SET response = 'pending', responded_at = NULL WHERE tenant = $1 AND meeting_id = $2",
      {tenant, meeting_id});
}

void upsert_meeting_role(Connection& conn, const MeetingRoleRow& r) {
  conn.query(
      "INSERT INTO meeting_roles (tenant, meeting_id, role, participant_id, delegated_from, assigned_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (meeting_id, role) DO UPDATE SET "
      "participant_id = excluded.participant_id, delegated_from = excluded.delegated_from, "
      "assigned_at = excluded.assigned_at",
      {r.tenant, r.meeting_id, r.role, r.participant_id, or_null(r.delegated_from), r.assigned_at_ms});
}

std::vector<MeetingRoleRow> meeting_roles(Connection& conn, const std::string& tenant, const std::string& meeting_id) {
  return roles_of_meetings(conn, tenant, {meeting_id});
}

std::vector<MeetingRoleRow> roles_of_meetings(Connection& conn, const std::string& tenant,
                                              const std::vector<std::string>& meeting_ids) {
  if (meeting_ids.empty()) return {};
  std::vector<Value> params{tenant};
  const std::string in = placeholders(params, meeting_ids);
  const Result r = conn.query(
      "SELECT tenant, meeting_id, role, participant_id, delegated_from, assigned_at FROM meeting_roles "
      "WHERE tenant = $1 AND meeting_id IN (" + in + ") ORDER BY meeting_id, role",
      params);
  std::vector<MeetingRoleRow> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back(role_from(row));
  return out;
}

CaseMeetings load_case_meetings(Connection& conn, const std::string& tenant, const std::string& case_id) {
  CaseMeetings out;
  out.meetings = meetings_of_case(conn, tenant, case_id);
  std::vector<std::string> ids;
  ids.reserve(out.meetings.size());
  for (const auto& m : out.meetings) ids.push_back(m.id);
  out.participants = participants_of_meetings(conn, tenant, ids);
  out.roles = roles_of_meetings(conn, tenant, ids);
  return out;
}

std::vector<UserMeeting> upcoming_meetings_of_user(Connection& conn, const std::string& tenant,
                                                   const std::string& user_id, std::int64_t from_ms,
                                                   std::int64_t after_starts_ms, const std::string& after_id,
                                                   int limit, bool include_cancelled) {
  std::vector<Value> params{tenant, user_id, from_ms, std::int64_t{limit}};
  std::string where = " AND m.starts_at >= $3";
  if (!after_id.empty()) {
    params.emplace_back(after_starts_ms);
    params.emplace_back(after_id);
    where += " AND (m.starts_at > $5 OR (m.starts_at = $5 AND m.id > $6))";
  }
  where += include_cancelled ? " AND m.status <> 'draft'" : " AND m.status NOT IN ('draft', 'cancelled')";
  const Result r = conn.query(std::string("SELECT ") + kMeetingColumns +
                                  ", p.id, p.response FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id "
                                  "AND m.tenant = p.tenant WHERE p.tenant = $1 AND p.user_id = $2" +
                                  where + " ORDER BY m.starts_at, m.id LIMIT $4",
                              params);
  std::vector<UserMeeting> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) {
    out.push_back(UserMeeting{meeting_from(row), row.text(kMeetingColumnCount), row.text(kMeetingColumnCount + 1)});
  }
  return out;
}

std::vector<UserBusy> busy_intervals(Connection& conn, const std::string& tenant, const std::vector<std::string>& user_ids,
                                     std::int64_t from_ms, std::int64_t to_ms, const std::string& except_meeting_id) {
  if (user_ids.empty()) return {};
  std::vector<Value> params{tenant, from_ms, to_ms, except_meeting_id};
  const std::string in = placeholders(params, user_ids);
  const Result r = conn.query(
      "SELECT p.user_id, m.starts_at, m.ends_at FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id "
      "AND m.tenant = p.tenant WHERE p.tenant = $1 AND p.user_id IN (" + in + ") AND p.response <> 'declined' "
      "AND m.status IN ('invited', 'held', 'finalised') AND m.starts_at < $3 AND m.ends_at > $2 AND m.id <> $4 "
      "ORDER BY p.user_id, m.starts_at",
      params);
  std::vector<UserBusy> out;
  out.reserve(r.rows.size());
  for (const auto& row : r.rows) out.push_back(UserBusy{row.text(0), row.integer(1), row.integer(2)});
  return out;
}

std::vector<MeetingCandidate> meeting_candidates(Connection& conn, const std::string& tenant,
                                                 const std::vector<std::string>& user_ids) {
  if (user_ids.empty()) return {};
  std::vector<Value> params{tenant};
  const std::string in = placeholders(params, user_ids);
  const Result users = conn.query(
      "SELECT id, role, display_name, email, disabled_at FROM users WHERE tenant = $1 AND id IN (" + in + ") ORDER BY id",
      params);
  const Result professions = conn.query(
      "SELECT user_id, profession FROM user_professions WHERE tenant = $1 AND user_id IN (" + in +
          ") ORDER BY user_id, profession",
      params);
  std::vector<MeetingCandidate> out;
  out.reserve(users.rows.size());
  for (const auto& row : users.rows) {
    MeetingCandidate c{row.text(0), row.text(1), row.text(2), row.optional_text(3).value_or(""), {}, !row.is_null(4)};
    for (const auto& pr : professions.rows) {
      if (pr.text(0) == c.user_id) c.professions.push_back(pr.text(1));
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> unit_leader_ids(Connection& conn, const std::string& tenant, const std::string& unit_id) {
  const Result r = conn.query(
      "SELECT user_id FROM unit_memberships WHERE tenant = $1 AND unit_id = $2 AND is_leader = 1 ORDER BY user_id",
      {tenant, unit_id});
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(row.text(0));
  return out;
}

}  // namespace samspil::storage
