#pragma once
// Meetings, their participants and roles (migration 0006). Every query filters by tenant
// (except the response-token lookup, whose token names the tenant); lists are served by the
// meetings_* / meeting_participants_* indexes. Lists that several meetings need at once
// (participants, roles, busy times) are one query for all, never one per meeting or person.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct MeetingRecord {
  std::string id;
  std::string tenant;
  std::string case_id;
  std::string model_id;
  std::string type_id;
  std::string status = "draft";  // draft, invited, held, finalised, cancelled
  std::string course = "same";   // same, new_course
  std::string follow_up_of;      // "" when none
  bool without_parents = false;
  std::optional<std::int64_t> starts_at_ms;
  std::optional<std::int64_t> ends_at_ms;
  std::string location;
  std::string ical_uid;
  int ical_sequence = 0;
  std::string convened_by;
  std::int64_t convened_at_ms = 0;
  std::optional<std::int64_t> invitation_sent_at_ms;
  std::optional<std::int64_t> acceptance_due_at_ms;
  std::optional<std::int64_t> agenda_sent_at_ms;
  std::optional<std::int64_t> held_at_ms;
  std::optional<std::int64_t> finalised_at_ms;
  std::optional<std::int64_t> agreement_sent_at_ms;
  std::optional<std::int64_t> parents_informed_at_ms;
  std::optional<std::int64_t> cancelled_at_ms;
  std::string cancel_reason;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

struct MeetingParticipantRow {
  std::string id;
  std::string tenant;
  std::string meeting_id;
  std::string kind;          // professional, guardian, child, network
  std::string user_id;       // "" for child and network persons
  std::string role_in_case;  // teacher, psychologist, parents, child, network ...
  std::string display_name;
  std::string email;
  std::string response = "pending";  // pending, accepted, declined
  std::optional<std::int64_t> responded_at_ms;
  std::string response_token_hash;   // "" when none (used or revoked)
  std::int64_t added_at_ms = 0;
};

struct MeetingRoleRow {
  std::string tenant;
  std::string meeting_id;
  std::string role;            // chair, convener, agenda_owner, minute_taker ...
  std::string participant_id;
  std::string delegated_from;  // "" when not delegated
  std::int64_t assigned_at_ms = 0;
};

// Inserts a meeting.
void insert_meeting(Connection& conn, const MeetingRecord& m);
// The meeting with this id in the tenant, if any.
std::optional<MeetingRecord> find_meeting(Connection& conn, const std::string& tenant, const std::string& id);
// Writes every mutable field (status, times, location, sequence, the fact timestamps, cancel).
void update_meeting(Connection& conn, const MeetingRecord& m);
// The case's meetings by start time (unscheduled drafts last), then id.
std::vector<MeetingRecord> meetings_of_case(Connection& conn, const std::string& tenant, const std::string& case_id);

// Inserts a participant.
void insert_meeting_participant(Connection& conn, const MeetingParticipantRow& p);
// The meeting's participants in the order they were added.
std::vector<MeetingParticipantRow> meeting_participants(Connection& conn, const std::string& tenant,
                                                        const std::string& meeting_id);
// The participants of several meetings in one query (by meeting, then added order).
std::vector<MeetingParticipantRow> participants_of_meetings(Connection& conn, const std::string& tenant,
                                                            const std::vector<std::string>& meeting_ids);
// The participant with this id in the tenant, if any.
std::optional<MeetingParticipantRow> find_meeting_participant(Connection& conn, const std::string& tenant,
                                                              const std::string& id);
// The participant whose signed response link has this SHA-256 (any tenant: the token names it).
std::optional<MeetingParticipantRow> find_participant_by_token_hash(Connection& conn, const std::string& token_hash);
// Records an answer (accepted/declined) and clears the response token (single use).
void set_participant_response(Connection& conn, const std::string& tenant, const std::string& participant_id,
                              const std::string& response, std::int64_t at_ms);
// Sets (or clears with "") the participant's response token hash.
void set_participant_token(Connection& conn, const std::string& tenant, const std::string& participant_id,
                           const std::string& token_hash);
// Sets every participant of the meeting back to pending (after a move).
void reset_meeting_responses(Connection& conn, const std::string& tenant, const std::string& meeting_id);

// Assigns a role (replacing its holder; delegated_from records the former holder).
void upsert_meeting_role(Connection& conn, const MeetingRoleRow& r);
// The meeting's roles ordered by role id.
std::vector<MeetingRoleRow> meeting_roles(Connection& conn, const std::string& tenant, const std::string& meeting_id);
// The roles of several meetings in one query.
std::vector<MeetingRoleRow> roles_of_meetings(Connection& conn, const std::string& tenant,
                                              const std::vector<std::string>& meeting_ids);

// Everything a case's meeting list shows: the meetings, their participants and roles, in
// three queries however many meetings the case has.
struct CaseMeetings {
  std::vector<MeetingRecord> meetings;
  std::vector<MeetingParticipantRow> participants;  // by meeting, then added order
  std::vector<MeetingRoleRow> roles;
};
CaseMeetings load_case_meetings(Connection& conn, const std::string& tenant, const std::string& case_id);

// A meeting with the user's own participation in it.
struct UserMeeting {
  MeetingRecord meeting;
  std::string participant_id;
  std::string response;
};
// The user's meetings (as participant, not cancelled unless include_cancelled, not draft)
// starting at or after from_ms, ordered by (starts_at, id), after the keyset
// (after_starts_ms, after_id) of the previous page (after_id "" = first page).
std::vector<UserMeeting> upcoming_meetings_of_user(Connection& conn, const std::string& tenant,
                                                   const std::string& user_id, std::int64_t from_ms,
                                                   std::int64_t after_starts_ms, const std::string& after_id,
                                                   int limit, bool include_cancelled = false);

// One busy interval of one user.
struct UserBusy {
  std::string user_id;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};
// Busy intervals of these users from their Samspil meetings (invited/held, not declined)
// overlapping [from_ms, to_ms), in one query; ordered by user then start. except_meeting_id
// leaves out one meeting (the one being moved).
std::vector<UserBusy> busy_intervals(Connection& conn, const std::string& tenant, const std::vector<std::string>& user_ids,
                                     std::int64_t from_ms, std::int64_t to_ms,
                                     const std::string& except_meeting_id = "");

// A person who may be invited: a user with role, e-mail and professions.
struct MeetingCandidate {
  std::string user_id;
  std::string role;  // users.role
  std::string display_name;
  std::string email;
  std::vector<std::string> professions;
  bool disabled = false;
};
// These users (of the tenant) with their professions, in two queries for all.
std::vector<MeetingCandidate> meeting_candidates(Connection& conn, const std::string& tenant,
                                                 const std::vector<std::string>& user_ids);
// The ids of the unit's leaders.
std::vector<std::string> unit_leader_ids(Connection& conn, const std::string& tenant, const std::string& unit_id);

}  // namespace samspil::storage
