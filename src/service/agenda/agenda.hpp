#pragma once
// The agenda and brief of a meeting (F6, R5, R7, R8, S7, FP7): made from the meeting type's
// agenda template when the meeting is convened, edited by the agenda owner (items added,
// moved, changed, removed; the brief's text; documents attached) and sent to everyone
// invited through the outbox (a link only: the agenda itself stays behind the log-in).
// Sending records meetings.agenda_sent_at, a fact the obligations are computed from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "domain/model.hpp"
#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "service/obligations/obligations.hpp"
#include "storage/database.hpp"

namespace samspil::service {

// Creates the agenda (from the type's template: follow_up for a follow-up meeting when the
// type has one, else initial), an empty brief and the obligations of a newly convened
// meeting, in the caller's (convening) transaction.
void create_meeting_documents(storage::Connection& conn, const domain::Model& model, const domain::MeetingType& type,
                              const std::string& tenant, const std::string& meeting_id, std::int64_t now_ms);

struct AgendaConfig {
  const ModelRegistry* models = nullptr;
  const crypto::FieldCipher* cipher = nullptr;  // seals descriptions, the brief and answers
  obligations::Settings obligations;            // reminder lead time, links in mails
};

struct AgendaItemView {
  std::string id;
  int position = 0;           // 0-based
  std::string title;
  std::string description;
  std::string source;         // template, evaluation, user
  std::vector<std::string> speaking_order;         // codes (R5)
  std::vector<std::string> speaking_order_labels;  // Danish
  std::vector<std::string> rules;
};

// One evaluated subject with every answer given to each question (R9), for the follow-up.
struct EvaluationAnswerView {
  std::string by_name;
  std::string answer;
};
struct EvaluationQuestionView {
  int index = 0;
  std::string question;
  std::vector<EvaluationAnswerView> answers;
};
struct EvaluationSubjectView {
  std::string subject_kind;
  std::string subject_id;
  std::string label;
  std::vector<EvaluationQuestionView> questions;
};

struct MeetingDocumentView {
  std::string id;
  std::string kind;
  std::string label;
  std::string attachment_id;
  std::int64_t added_at_ms = 0;
};

struct AgendaView {
  std::string meeting_id;
  std::string case_id;
  std::string type_id;
  std::string type_name;
  std::string kind;  // initial, follow_up …
  bool follow_up = false;
  std::optional<std::int64_t> starts_at_ms;
  std::optional<std::int64_t> agenda_sent_at_ms;
  std::optional<std::int64_t> send_by_ms;  // due time of the agenda/brief obligation, when one exists
  std::vector<std::string> speaking_order_labels;
  std::vector<std::string> rules;
  std::vector<EvaluationSubjectView> evaluations;  // a follow-up opens with these (R9)
  std::vector<AgendaItemView> items;
  std::vector<MeetingDocumentView> documents;
  std::vector<obligations::ObligationView> obligations;
  bool may_edit = false;
};

struct AgendaItemInput {
  std::string title;
  std::string description;
};

struct BriefView {
  std::string meeting_id;
  std::string type_name;
  std::string text;
  std::string owner_role;  // the model's owner of the brief (agenda_owner …)
  std::optional<std::int64_t> sent_at_ms;
  std::optional<std::int64_t> updated_at_ms;
  bool may_edit = false;
};

class Agendas {
 public:
  Agendas(storage::Database& db, AgendaConfig config) : m_db(db), m_config(std::move(config)) {}

  // The agenda with items, evaluations (follow-up), documents and obligations; audited read.
  AgendaView view(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // Adds an item at the end; Invalid without a title. Returns its id.
  std::string add_item(const Actor& actor, const std::string& meeting_id, const AgendaItemInput& in,
                       std::int64_t now_ms);
  // Changes an item's title and description.
  void update_item(const Actor& actor, const std::string& meeting_id, const std::string& item_id,
                   const AgendaItemInput& in, std::int64_t now_ms);
  // Moves an item one place up (delta -1) or down (+1).
  void move_item(const Actor& actor, const std::string& meeting_id, const std::string& item_id, int delta,
                 std::int64_t now_ms);
  // Removes an item.
  void remove_item(const Actor& actor, const std::string& meeting_id, const std::string& item_id, std::int64_t now_ms);
  // Replaces every item (the API's PUT): ids kept where given and known, new items added.
  struct ItemPut {
    std::string id;  // "" for a new item
    AgendaItemInput in;
  };
  void replace_items(const Actor& actor, const std::string& meeting_id, const std::vector<ItemPut>& items,
                     std::int64_t now_ms);
  // Mails every invited person a link to the agenda, records agenda_sent_at (and the brief
  // as sent), recomputes the obligations. Returns how many addresses were mailed.
  int send_agenda(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);

  // The brief (mødeoplæg, F6).
  BriefView brief(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms);
  // Saves the brief's text; Invalid when longer than 20000 characters.
  void save_brief(const Actor& actor, const std::string& meeting_id, const std::string& text, std::int64_t now_ms);
  // Attaches a document (an attachment store id) under a short label. Returns its id.
  std::string attach_document(const Actor& actor, const std::string& meeting_id, const std::string& kind,
                              const std::string& attachment_id, const std::string& label, std::int64_t now_ms);

 private:
  storage::Database& m_db;
  AgendaConfig m_config;
};

}  // namespace samspil::service
