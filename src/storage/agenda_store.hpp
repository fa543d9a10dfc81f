#pragma once
// Meeting documents (migration 0009): a meeting's agenda and items, its brief (F6) and
// attached documents, plus the few reads of a meeting (0006) the agenda, obligations and
// evaluations need. Every query filters by tenant.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

// What the meeting documents need of a meeting and its case.
struct MeetingSubject {
  std::string id;
  std::string tenant;
  std::string case_id;
  std::string model_id;
  std::string type_id;
  std::string status;
  std::string follow_up_of;  // "" when none
  std::string convened_by;
  std::string unit_id;       // the case's unit; "" when none
  std::string child_id;      // the case's child
  std::optional<std::int64_t> starts_at_ms, ends_at_ms, invitation_sent_at_ms, agenda_sent_at_ms,
      agreement_sent_at_ms, case_closed_at_ms;
};

// A person invited to a meeting with the address mails go to (the user's for accounts).
struct MeetingPerson {
  std::string participant_id;
  std::string kind;  // professional, guardian, child, network
  std::string user_id;
  std::string role_in_case;
  std::string display_name;
  std::string email;
  std::string response;
  std::optional<std::int64_t> responded_at_ms;
};

struct AgendaRow {
  std::string meeting_id;
  std::string tenant;
  std::string kind;
  std::string speaking_order_json = "[]";
  std::string rules_json = "[]";
  std::string sent_by;  // "" when not sent
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

struct AgendaItemRow {
  std::string id;
  std::string tenant;
  std::string meeting_id;
  int position = 0;
  std::string title;
  std::string description;            // the model's text of a template item
  std::string description_encrypted;  // sealed text written by a person; "" when none
  std::string speaking_order_json = "[]";
  std::string rules_json = "[]";
  std::string source = "template";  // template, evaluation, user
  std::string added_by;             // "" for the template
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

struct BriefRow {
  std::string meeting_id;
  std::string tenant;
  std::string owner_id;
  std::string body_encrypted;
  std::string updated_by;
  std::optional<std::int64_t> sent_at_ms;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

struct MeetingDocumentRow {
  std::string id;
  std::string tenant;
  std::string meeting_id;
  std::string kind;
  std::string attachment_id;
  std::string label;
  std::string added_by;
  std::int64_t added_at_ms = 0;
};

// The meeting with its case's unit and closing, if it exists in the tenant.
std::optional<MeetingSubject> find_meeting_subject(Connection& conn, const std::string& tenant, const std::string& id);
// Everyone invited to the meeting, in the order they were added.
std::vector<MeetingPerson> meeting_people(Connection& conn, const std::string& tenant, const std::string& meeting_id);
// Meeting role -> the user holding it ("" for a holder without account).
std::map<std::string, std::string> meeting_role_users(Connection& conn, const std::string& tenant,
                                                      const std::string& meeting_id);
// Records that the agenda went out (the agenda_sent fact of the deadlines engine).
void set_meeting_agenda_sent(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                             std::int64_t at_ms);

// Inserts the agenda of a meeting (one per meeting).
void insert_agenda(Connection& conn, const AgendaRow& agenda);
// The agenda of a meeting, if it has one.
std::optional<AgendaRow> find_agenda(Connection& conn, const std::string& tenant, const std::string& meeting_id);
// Records who sent the agenda.
void set_agenda_sent_by(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                        const std::string& user_id, std::int64_t now_ms);
// Inserts one item.
void insert_agenda_item(Connection& conn, const AgendaItemRow& item);
// The items of a meeting's agenda by position.
std::vector<AgendaItemRow> agenda_items(Connection& conn, const std::string& tenant, const std::string& meeting_id);
// Writes title, description, position and updated_at of an item.
void update_agenda_item(Connection& conn, const AgendaItemRow& item);
// Deletes one item; true when it existed.
bool delete_agenda_item(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                        const std::string& item_id);

// Inserts or replaces the brief of a meeting.
void save_brief(Connection& conn, const BriefRow& brief);
// The brief of a meeting, if any.
std::optional<BriefRow> find_brief(Connection& conn, const std::string& tenant, const std::string& meeting_id);
// Marks the brief sent.
void set_brief_sent(Connection& conn, const std::string& tenant, const std::string& meeting_id, std::int64_t at_ms);

// Attaches a document.
void insert_meeting_document(Connection& conn, const MeetingDocumentRow& doc);
// The attached (not removed) documents of a meeting, oldest first.
std::vector<MeetingDocumentRow> meeting_documents(Connection& conn, const std::string& tenant,
                                                  const std::string& meeting_id);
// Detaches a document; true when it was attached.
bool remove_meeting_document(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                             const std::string& id, std::int64_t at_ms);

}  // namespace samspil::storage
