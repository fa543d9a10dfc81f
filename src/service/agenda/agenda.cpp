#include "service/agenda/agenda.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "service/agenda/agenda_access.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/meetings/evaluations.hpp"
#include "service/meetings/group_labels.hpp"
#include "storage/agenda_store.hpp"

namespace samspil::service {

namespace {

constexpr std::size_t kTitleMax = 200;
constexpr std::size_t kDescriptionMax = 5000;
constexpr std::size_t kBriefMax = 20000;

std::vector<std::string> strings_of(const std::string& json_text) {
  try {
    return nlohmann::json::parse(json_text).get<std::vector<std::string>>();
  } catch (const std::exception&) {
    return {};
  }
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

void validate(const AgendaItemInput& in, const std::string& prefix = "") {
  FieldErrors errors;
  if (trim(in.title).empty()) errors[prefix + "title"] = "Skriv en overskrift til punktet";
  else if (in.title.size() > kTitleMax) errors[prefix + "title"] = "Overskriften må højst være 200 tegn";
  if (in.description.size() > kDescriptionMax) errors[prefix + "description"] = "Beskrivelsen må højst være 5000 tegn";
  if (!errors.empty()) throw Invalid(std::move(errors));
}

const crypto::FieldCipher& need(const crypto::FieldCipher* cipher) {
  if (!cipher) throw Conflict("Der er ikke sat en krypteringsnøgle op, så teksten kan ikke gemmes.");
  return *cipher;
}

std::string open_text(const crypto::FieldCipher* cipher, const std::string& sealed) {
  if (sealed.empty() || !cipher) return "";
  return cipher->open(sealed).value_or("");
}

audit::Entry entry(audit::Action action, const MeetingDocumentsReach& r, const char* purpose) {
  audit::Entry e;
  e.action = action;
  e.object_type = "meeting";
  e.object_id = r.meeting.id;
  e.child_id = r.meeting.child_id;
  e.purpose = purpose;
  return e;
}

MeetingDocumentsReach reach_for_edit(storage::Connection& conn, const Actor& actor, const ModelRegistry& models,
                              const std::string& meeting_id) {
  MeetingDocumentsReach r = reach_meeting(conn, actor, models, meeting_id);
  if (!r.may_edit) throw Forbidden("Kun mødets dagsordensansvarlige kan ændre dagsordenen.");
  if (r.meeting.status == "cancelled" || r.meeting.status == "finalised") {
    throw Conflict("Mødet er afsluttet eller aflyst, så dagsordenen kan ikke ændres.");
  }
  return r;
}

void renumber(storage::Connection& conn, std::vector<storage::AgendaItemRow>& items, std::int64_t now_ms) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].position == static_cast<int>(i)) continue;
    items[i].position = static_cast<int>(i);
    items[i].updated_at_ms = now_ms;
    storage::update_agenda_item(conn, items[i]);
  }
}

}  // namespace

AgendaView Agendas::view(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_meeting(conn, actor, *m_config.models, meeting_id);
    // A meeting convened before its documents existed (or by a path that did not create
    // them) gets them now, from the same templates.
    if (!storage::find_agenda(conn, actor.tenant, meeting_id)) {
      create_meeting_documents(conn, *r.model, *r.type, actor.tenant, meeting_id, now_ms);
    } else {
      // Cheap and idempotent (jobs only for changed due times): the list always follows the
      // meeting's current facts, even after a change that did not recompute.
      obligations::recompute(conn, *r.model, actor.tenant, meeting_id, now_ms, m_config.obligations);
    }
    AgendaView v;
    v.meeting_id = r.meeting.id;
    v.case_id = r.meeting.case_id;
    v.type_id = r.type->id;
    v.type_name = r.type->name;
    v.follow_up = !r.meeting.follow_up_of.empty();
    v.starts_at_ms = r.meeting.starts_at_ms;
    v.agenda_sent_at_ms = r.meeting.agenda_sent_at_ms;
    v.may_edit = r.may_edit;
    if (const auto agenda = storage::find_agenda(conn, actor.tenant, meeting_id)) {
      v.kind = agenda->kind;
      for (const auto& code : strings_of(agenda->speaking_order_json)) {
        v.speaking_order_labels.push_back(group_label(*r.model, code));
      }
      v.rules = strings_of(agenda->rules_json);
    }
    for (const auto& row : storage::agenda_items(conn, actor.tenant, meeting_id)) {
      AgendaItemView item;
      item.id = row.id;
      item.position = row.position;
      item.title = row.title;
      item.description = row.description_encrypted.empty() ? row.description
                                                           : open_text(m_config.cipher, row.description_encrypted);
      item.source = row.source;
      item.speaking_order = strings_of(row.speaking_order_json);
      for (const auto& code : item.speaking_order) item.speaking_order_labels.push_back(group_label(*r.model, code));
      item.rules = strings_of(row.rules_json);
      v.items.push_back(std::move(item));
    }
    if (v.follow_up) v.evaluations = evaluation_summary(conn, m_config.cipher, actor.tenant, meeting_id);
    for (const auto& d : storage::meeting_documents(conn, actor.tenant, meeting_id)) {
      v.documents.push_back(MeetingDocumentView{d.id, d.kind, d.label, d.attachment_id, d.added_at_ms});
    }
    v.obligations = obligations::of_meeting(conn, actor.tenant, meeting_id, now_ms);
    for (const auto& o : v.obligations) {
      const bool agenda_duty = o.obligation_id.find("agenda") != std::string::npos ||
                               o.obligation_id.find("brief") != std::string::npos;
      if (agenda_duty && o.due_at_ms && (!v.send_by_ms || *o.due_at_ms < *v.send_by_ms)) v.send_by_ms = o.due_at_ms;
    }
    audit::record(conn, actor, entry(audit::Action::read, r, "Mødeforberedelse"), now_ms);
    return v;
  });
}

std::string Agendas::add_item(const Actor& actor, const std::string& meeting_id, const AgendaItemInput& in,
                               std::int64_t now_ms) {
  validate(in);
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_for_edit(conn, actor, *m_config.models, meeting_id);
    const auto agenda = storage::find_agenda(conn, actor.tenant, meeting_id);
    const auto items = storage::agenda_items(conn, actor.tenant, meeting_id);
    storage::AgendaItemRow row;
    row.id = crypto::random_id();
    row.tenant = actor.tenant;
    row.meeting_id = meeting_id;
    row.position = items.empty() ? 0 : items.back().position + 1;
    row.title = trim(in.title);
    if (!trim(in.description).empty()) row.description_encrypted = need(m_config.cipher).seal(trim(in.description));
    row.speaking_order_json = agenda ? agenda->speaking_order_json : "[]";
    row.source = "user";
    row.added_by = actor.user_id;
    row.created_at_ms = now_ms;
    row.updated_at_ms = now_ms;
    storage::insert_agenda_item(conn, row);
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødeforberedelse"), now_ms);
    return row.id;
  });
}

void Agendas::update_item(const Actor& actor, const std::string& meeting_id, const std::string& item_id,
                          const AgendaItemInput& in, std::int64_t now_ms) {
  validate(in);
  m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_for_edit(conn, actor, *m_config.models, meeting_id);
    auto items = storage::agenda_items(conn, actor.tenant, meeting_id);
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.id == item_id; });
    if (it == items.end()) throw NotFound("Punktet findes ikke på dagsordenen.");
    it->title = trim(in.title);
    const std::string description = trim(in.description);
    if (description != it->description || !it->description_encrypted.empty()) {
      it->description_encrypted = description.empty() ? "" : need(m_config.cipher).seal(description);
      it->description.clear();
    }
    it->updated_at_ms = now_ms;
    storage::update_agenda_item(conn, *it);
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødeforberedelse"), now_ms);
  });
}

void Agendas::move_item(const Actor& actor, const std::string& meeting_id, const std::string& item_id, int delta,
                        std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_for_edit(conn, actor, *m_config.models, meeting_id);
    auto items = storage::agenda_items(conn, actor.tenant, meeting_id);
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.id == item_id; });
    if (it == items.end()) throw NotFound("Punktet findes ikke på dagsordenen.");
    const auto from = static_cast<long>(it - items.begin());
    const long to = std::clamp<long>(from + (delta < 0 ? -1 : 1), 0, static_cast<long>(items.size()) - 1);
    if (to == from) return;
    std::swap(items[from], items[to]);
    renumber(conn, items, now_ms);
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødeforberedelse"), now_ms);
  });
}

void Agendas::remove_item(const Actor& actor, const std::string& meeting_id, const std::string& item_id,
                          std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_for_edit(conn, actor, *m_config.models, meeting_id);
    if (!storage::delete_agenda_item(conn, actor.tenant, meeting_id, item_id)) {
      throw NotFound("Punktet findes ikke på dagsordenen.");
    }
    auto items = storage::agenda_items(conn, actor.tenant, meeting_id);
    renumber(conn, items, now_ms);
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødeforberedelse"), now_ms);
  });
}

void Agendas::replace_items(const Actor& actor, const std::string& meeting_id, const std::vector<ItemPut>& puts,
                            std::int64_t now_ms) {
  FieldErrors errors;
  for (std::size_t i = 0; i < puts.size(); ++i) {
    try {
      validate(puts[i].in, "items[" + std::to_string(i) + "].");
    } catch (const Invalid& e) {
      errors.insert(e.fields.begin(), e.fields.end());
    }
  }
  if (!errors.empty()) throw Invalid(std::move(errors));
  m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_for_edit(conn, actor, *m_config.models, meeting_id);
    const auto agenda = storage::find_agenda(conn, actor.tenant, meeting_id);
    const auto existing = storage::agenda_items(conn, actor.tenant, meeting_id);
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < puts.size(); ++i) {
      const auto& put = puts[i];
      auto it = std::find_if(existing.begin(), existing.end(), [&](const auto& e) { return e.id == put.id; });
      const std::string description = trim(put.in.description);
      if (it != existing.end()) {
        storage::AgendaItemRow row = *it;
        row.position = static_cast<int>(i);
        row.title = trim(put.in.title);
        if (description != row.description || !row.description_encrypted.empty()) {
          row.description_encrypted = description.empty() ? "" : need(m_config.cipher).seal(description);
          row.description.clear();
        }
        row.updated_at_ms = now_ms;
        storage::update_agenda_item(conn, row);
        kept.push_back(row.id);
      } else {
        storage::AgendaItemRow row;
        row.id = crypto::random_id();
        row.tenant = actor.tenant;
        row.meeting_id = meeting_id;
        row.position = static_cast<int>(i);
        row.title = trim(put.in.title);
        if (!description.empty()) row.description_encrypted = need(m_config.cipher).seal(description);
        row.speaking_order_json = agenda ? agenda->speaking_order_json : "[]";
        row.source = "user";
        row.added_by = actor.user_id;
        row.created_at_ms = now_ms;
        row.updated_at_ms = now_ms;
        storage::insert_agenda_item(conn, row);
        kept.push_back(row.id);
      }
    }
    for (const auto& e : existing) {
      if (std::find(kept.begin(), kept.end(), e.id) == kept.end()) {
        storage::delete_agenda_item(conn, actor.tenant, meeting_id, e.id);
      }
    }
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødeforberedelse"), now_ms);
  });
}

int Agendas::send_agenda(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_for_edit(conn, actor, *m_config.models, meeting_id);
    if (storage::agenda_items(conn, actor.tenant, meeting_id).empty()) {
      FieldErrors errors;
      errors["items"] = "Dagsordenen har ingen punkter endnu";
      throw Invalid(std::move(errors));
    }
    std::vector<std::string> to;
    for (const auto& p : storage::meeting_people(conn, actor.tenant, meeting_id)) {
      if (p.email.empty() || p.response == "declined") continue;
      if (std::find(to.begin(), to.end(), p.email) == to.end()) to.push_back(p.email);
    }
    const std::string link = m_config.obligations.public_base_url + "/moeder/" + meeting_id + "/dagsorden";
    // Uploaded files go as links too (behind the log-in; no file names: they may name the child).
    std::string files;
    int file_number = 0;
    for (const auto& d : storage::meeting_documents(conn, actor.tenant, meeting_id)) {
      if (d.kind != "file") continue;
      files += "Bilag " + std::to_string(++file_number) + ": " + m_config.obligations.public_base_url + "/moeder/" +
               meeting_id + "/dokumenter/" + d.id + "\n";
    }
    // One mail per person: nobody sees the other addresses. Only a link: the agenda and
    // brief may describe the child and stay behind the log-in.
    for (const auto& address : to) {
      mail_outbox::Mail mail;
      mail.to = {address};
      mail.subject = "Dagsorden til " + r.type->name;
      mail.text = "Hej\n\nDagsordenen og mødeoplægget til " + r.type->name +
                  " er klar. Du kan læse dem i Samspil, når du er logget ind:\n" + link + "\n";
      if (!files.empty()) mail.text += "\nBilag til mødet (du skal også være logget ind):\n" + files;
      mail_outbox::enqueue(conn, actor.tenant, mail, now_ms);
    }
    storage::set_meeting_agenda_sent(conn, actor.tenant, meeting_id, now_ms);
    storage::set_agenda_sent_by(conn, actor.tenant, meeting_id, actor.user_id, now_ms);
    storage::set_brief_sent(conn, actor.tenant, meeting_id, now_ms);
    obligations::recompute(conn, *r.model, actor.tenant, meeting_id, now_ms, m_config.obligations);
    audit::record(conn, actor, entry(audit::Action::change, r, "Udsendelse af dagsorden"), now_ms);
    return static_cast<int>(to.size());
  });
}

BriefView Agendas::brief(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_meeting(conn, actor, *m_config.models, meeting_id);
    BriefView v;
    v.meeting_id = meeting_id;
    v.type_name = r.type->name;
    v.may_edit = r.may_edit;
    for (const auto& d : r.type->documents) {
      if (d.kind == "brief") v.owner_role = d.owner_role;
    }
    if (const auto b = storage::find_brief(conn, actor.tenant, meeting_id)) {
      v.text = open_text(m_config.cipher, b->body_encrypted);
      v.sent_at_ms = b->sent_at_ms;
      v.updated_at_ms = b->updated_at_ms;
    }
    audit::record(conn, actor, entry(audit::Action::read, r, "Mødeforberedelse"), now_ms);
    return v;
  });
}

void Agendas::save_brief(const Actor& actor, const std::string& meeting_id, const std::string& text,
                         std::int64_t now_ms) {
  if (text.size() > kBriefMax) {
    FieldErrors errors;
    errors["text"] = "Oplægget må højst være 20000 tegn";
    throw Invalid(std::move(errors));
  }
  m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_for_edit(conn, actor, *m_config.models, meeting_id);
    storage::BriefRow b = storage::find_brief(conn, actor.tenant, meeting_id).value_or(storage::BriefRow{});
    if (b.meeting_id.empty()) {
      b.meeting_id = meeting_id;
      b.tenant = actor.tenant;
      b.created_at_ms = now_ms;
    }
    b.owner_id = actor.user_id;
    b.body_encrypted = trim(text).empty() ? "" : need(m_config.cipher).seal(trim(text));
    b.updated_by = actor.user_id;
    b.updated_at_ms = now_ms;
    storage::save_brief(conn, b);
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødeforberedelse"), now_ms);
  });
}

std::string Agendas::attach_document(const Actor& actor, const std::string& meeting_id, const std::string& kind,
                                     const std::string& attachment_id, const std::string& label,
                                     std::int64_t now_ms) {
  FieldErrors errors;
  if (trim(label).empty() || label.size() > kTitleMax) errors["label"] = "Skriv et kort navn på dokumentet (højst 200 tegn)";
  if (trim(kind).empty()) errors["kind"] = "Vælg hvilken slags dokument det er";
  if (!errors.empty()) throw Invalid(std::move(errors));
  return m_db.transaction([&](storage::Connection& conn) {
    const MeetingDocumentsReach r = reach_for_edit(conn, actor, *m_config.models, meeting_id);
    storage::MeetingDocumentRow d;
    d.id = crypto::random_id();
    d.tenant = actor.tenant;
    d.meeting_id = meeting_id;
    d.kind = trim(kind);
    d.attachment_id = attachment_id;
    d.label = trim(label);
    d.added_by = actor.user_id;
    d.added_at_ms = now_ms;
    storage::insert_meeting_document(conn, d);
    audit::record(conn, actor, entry(audit::Action::change, r, "Mødeforberedelse"), now_ms);
    return d.id;
  });
}

}  // namespace samspil::service
