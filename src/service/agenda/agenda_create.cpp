// Creating a convened meeting's documents from its type's templates.
#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "service/agenda/agenda.hpp"
#include "service/obligations/obligations.hpp"
#include "storage/agenda_store.hpp"

namespace samspil::service {

namespace {

// The template the meeting uses: follow_up for a follow-up when the type has one (R8),
// else initial (R7, FP7), else the type's first; nullptr when the type has none.
const domain::Agenda* agenda_template(const domain::MeetingType& type, bool follow_up) {
  const domain::Agenda* initial = nullptr;
  for (const auto& a : type.agendas) {
    if (follow_up && a.kind == "follow_up") return &a;
    if (a.kind == "initial" && !initial) initial = &a;
  }
  if (initial) return initial;
  return type.agendas.empty() ? nullptr : &type.agendas.front();
}

}  // namespace

void create_meeting_documents(storage::Connection& conn, const domain::Model& model, const domain::MeetingType& type,
                              const std::string& tenant, const std::string& meeting_id, std::int64_t now_ms) {
  const auto meeting = storage::find_meeting_subject(conn, tenant, meeting_id);
  const bool follow_up = meeting && !meeting->follow_up_of.empty();
  if (!storage::find_agenda(conn, tenant, meeting_id)) {
    const domain::Agenda* tpl = agenda_template(type, follow_up);
    storage::AgendaRow agenda;
    agenda.meeting_id = meeting_id;
    agenda.tenant = tenant;
    agenda.kind = tpl ? tpl->kind : (follow_up ? "follow_up" : "initial");
    const nlohmann::json order = tpl ? tpl->speaking_order : std::vector<std::string>{};
    const nlohmann::json rules = tpl ? tpl->rules : std::vector<std::string>{};
    agenda.speaking_order_json = order.dump();
    agenda.rules_json = rules.dump();
    agenda.created_at_ms = now_ms;
    agenda.updated_at_ms = now_ms;
    storage::insert_agenda(conn, agenda);
    if (tpl) {
      int position = 0;
      for (const auto& item : tpl->items) {
        storage::AgendaItemRow row;
        row.id = crypto::random_id();
        row.tenant = tenant;
        row.meeting_id = meeting_id;
        row.position = position++;
        row.title = item.title;
        row.description = item.description;
        row.speaking_order_json = agenda.speaking_order_json;  // R5: under every item
        row.rules_json = nlohmann::json(item.rules).dump();
        row.source = "template";
        row.created_at_ms = now_ms;
        row.updated_at_ms = now_ms;
        storage::insert_agenda_item(conn, row);
      }
    }
  }
  if (!storage::find_brief(conn, tenant, meeting_id)) {
    storage::BriefRow brief;
    brief.meeting_id = meeting_id;
    brief.tenant = tenant;
    brief.created_at_ms = now_ms;
    brief.updated_at_ms = now_ms;
    storage::save_brief(conn, brief);
  }
  obligations::recompute(conn, model, tenant, meeting_id, now_ms);
}

}  // namespace samspil::service
