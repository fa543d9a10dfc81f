// Confirming the agreement (R6 -> final) and its PDF/A: the document is rendered before the
// transaction (Ghostscript takes a while and must not hold the write lock), then stored,
// mailed, turned into tasks and queued for the records system in one transaction that
// first checks nobody changed the agreement meanwhile.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "domain/calendar.hpp"
#include "jobs/queue.hpp"
#include "mail/message.hpp"
#include "pdf/document.hpp"
#include "service/agreements/agreements.hpp"
#include "service/agreements/agreements_internal.hpp"
#include "service/agreements/records_export.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/obligations/obligations.hpp"
#include "service/tasks/tasks.hpp"
#include "storage/event_store.hpp"
#include "storage/tenant_store.hpp"

namespace samspil::service {

using namespace agreements_detail;

namespace {

std::string local_time(std::int64_t ms) {
  const auto local = domain::to_local(domain::Instant{std::chrono::seconds{ms / 1000}});
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day d{day};
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%02u.%02u.%04d kl. %02d.%02d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()), static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return buffer;
}

std::string role_label(const std::string& role) {
  if (role == "chair") return "mødeleder";
  if (role == "minute_taker") return "referent";
  if (role == "convener") return "indkalder";
  if (role == "agenda_owner") return "dagsordensansvarlig";
  if (role == "contact_person") return "kontaktperson";
  return role;
}

pdf::Document document_of(const AgreementState& s, const std::string& issuer) {
  pdf::Document d;
  d.issuer = issuer;
  d.title = "Aftale fra " + s.type_name;
  d.ascii_title = "Samspil agreement";
  if (s.starts_at_ms) d.subtitle = local_time(*s.starts_at_ms);
  d.facts.push_back({"Møde", s.type_name});
  if (s.starts_at_ms) d.facts.push_back({"Tidspunkt", local_time(*s.starts_at_ms)});
  if (!s.location.empty()) d.facts.push_back({"Sted", s.location});
  if (s.confirmed_at_ms) d.facts.push_back({"Læst op og bekræftet", local_time(*s.confirmed_at_ms)});

  pdf::Section people{"Deltagere", {}, {}, {{"Navn", "Deltager som", "Rolle i mødet"}, {}}};
  for (const auto& p : s.participants) {
    std::string roles;
    for (const auto& r : p.roles) roles += (roles.empty() ? "" : ", ") + role_label(r);
    people.table.rows.push_back({p.name.empty() ? "-" : p.name, p.role_in_case, roles.empty() ? "-" : roles});
  }
  d.sections.push_back(std::move(people));

  auto text_section = [&](const std::string& heading, const std::string& text) {
    d.sections.push_back({heading, {}, {text.empty() ? "Intet noteret." : text}, {}});
  };
  const auto& c = s.content;
  text_section("Ressourcer", c.resources);
  text_section("Udfordringer", c.challenges);
  text_section("Mål", c.goals);
  text_section("Tegn på effekt for barnet", c.signs_child);
  text_section("Tegn på effekt for de voksne", c.signs_adults);
  if (s.asks_ppv_decision) text_section("Beslutning om PPV", c.ppv_decision);
  text_section("Barnets perspektiv",
               !c.child_perspective.empty() ? c.child_perspective
                                            : (c.child_perspective_missing.empty()
                                                   ? std::string()
                                                   : "Ikke med, fordi: " + c.child_perspective_missing));
  text_section("Næste møde", c.next_meeting);

  pdf::Section actions{"Handlinger", {}, {}, {{"Hvad", "Hvem", "Hvornår"}, {}}};
  for (const auto& a : s.actions)
    actions.table.rows.push_back({a.text, a.owner_label.empty() ? "-" : a.owner_label,
                                  a.due_at_ms ? local_time(*a.due_at_ms).substr(0, 10) : "-"});
  if (actions.table.rows.empty()) actions.paragraphs.push_back("Ingen handlinger aftalt.");
  d.sections.push_back(std::move(actions));
  d.footer = "Fortroligt – indeholder personoplysninger";
  return d;
}

}  // namespace

AgreementState Agreements::confirm(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  // 1. Read and render outside the write transaction.
  AgreementState before;
  std::string issuer;
  m_db.transaction([&](storage::Connection& conn) {
    Loaded l = load(conn, m_config, actor, meeting_id);
    if (l.reached.reached_case.relation == CaseRelation::guardian || chair_of(l) != actor.user_id)
      throw Forbidden("Kun mødelederen kan bekræfte aftalen.");
    if (!l.row || l.row->status == "draft")
      throw Conflict("Aftalen skal læses op for deltagerne, før den kan bekræftes (R6).");
    if (l.row->status == "final") throw Conflict("Aftalen er allerede bekræftet.");
    before = build_state(conn, m_config, l, actor);
    const auto tenant = storage::find_tenant(conn, actor.tenant);
    issuer = tenant ? tenant->name : actor.tenant;
  });
  before.confirmed_at_ms = now_ms;
  std::string pdf_bytes;
  try {
    pdf_bytes = pdf::render_pdfa(document_of(before, issuer));
  } catch (const pdf::PdfError&) {
    throw Conflict("Aftalen kunne ikke dannes som PDF. Prøv igen om lidt.");
  }
  const std::string sha = crypto::sha256_hex(pdf_bytes);

  // 2. Lock, store, send, create tasks, queue the export — or nothing.
  AgreementState s = m_db.transaction([&](storage::Connection& conn) {
    const crypto::FieldCipher& cipher = cipher_of(m_config);
    Loaded l = load(conn, m_config, actor, meeting_id);
    if (!l.row || l.row->version != before.version || l.row->status != "read_back")
      throw Conflict("Aftalen er ændret, mens den blev bekræftet. Læs den op igen.");
    storage::AgreementRow r = *l.row;
    r.status = "final";
    r.confirmed_at_ms = now_ms;
    r.confirmed_by = actor.user_id;
    r.updated_by = actor.user_id;
    r.updated_at_ms = now_ms;
    r.version = before.version + 1;
    if (!storage::update_agreement(conn, r, before.version)) throw Conflict("Aftalen er ændret imens.");
    storage::set_agreement_pdf(conn, actor.tenant, meeting_id, cipher.seal(mail::base64_encode(pdf_bytes)), sha);

    // Everyone who took part gets it; the parents only when the model shares it (X6).
    std::vector<std::string> sent_to;
    for (const auto& p : l.participants) {
      if (p.email.empty() || p.kind == "child") continue;
      if (p.kind == "guardian" && !before.shared_with_parents) continue;
      if (std::find(sent_to.begin(), sent_to.end(), p.email) != sent_to.end()) continue;
      sent_to.push_back(p.email);
      mail_outbox::Mail mail;
      mail.to = {p.email};
      mail.subject = "Aftale fra " + before.type_name;
      mail.text = "Hej " + p.display_name + "\n\nHer er aftalen fra " + before.type_name +
                  (before.starts_at_ms ? " den " + local_time(*before.starts_at_ms) : std::string()) +
                  ". Den er læst op og bekræftet på mødet.\n\nAftalen er vedhæftet som PDF." +
                  (m_config.public_base_url.empty()
                       ? std::string()
                       : "\nDu kan også hente den i Samspil: " + m_config.public_base_url +
                             (p.kind == "guardian" ? "/foraeldre/moeder/" : "/moeder/") + meeting_id +
                             "/aftale.pdf") +
                  "\n\nVenlig hilsen\nSamspil\n";
      mail.attachments.push_back({"aftale.pdf", "application/pdf", pdf_bytes});
      mail_outbox::enqueue(conn, actor.tenant, mail, now_ms);
    }
    storage::set_agreement_sent(conn, actor.tenant, meeting_id, now_ms);

    // Each action becomes a task of its owner (F8).
    for (const auto& a : storage::agreement_actions(conn, actor.tenant, meeting_id)) {
      if (a.owner_id.empty()) continue;
      storage::TaskRow t;
      t.tenant = actor.tenant;
      t.owner_id = a.owner_id;
      t.case_id = l.reached.meeting.case_id;
      t.meeting_id = meeting_id;
      t.kind = "agreement_action";
      t.source_id = a.id;
      t.label = "Handling fra aftale";
      t.title_encrypted = cipher.open(a.text_encrypted).value_or("");
      t.due_at_ms = a.due_at_ms;
      t.created_by = actor.user_id;
      t.created_at_ms = now_ms;
      add_task(conn, &cipher, std::move(t));
    }

    if (m_config.records_export && before.filed_to_records)
      records_export::enqueue(conn, actor.tenant, meeting_id, now_ms);

    storage::MeetingRecord meeting = l.reached.meeting;
    meeting.status = "finalised";
    meeting.finalised_at_ms = now_ms;
    meeting.agreement_sent_at_ms = now_ms;
    if (!meeting.held_at_ms) meeting.held_at_ms = now_ms;
    meeting.updated_at_ms = now_ms;
    storage::update_meeting(conn, meeting);
    // send_agreement / send_minutes (F8, S7, R7) are fulfilled by this sending.
    if (const auto* model = m_config.models ? m_config.models->find(meeting.model_id) : nullptr) {
      obligations::recompute(conn, *model, actor.tenant, meeting_id, now_ms);
    }

    audit::record(conn, actor,
                  {audit::Action::change, "agreement", meeting_id, l.reached.reached_case.record.child_id, "Møde", ""},
                  now_ms);
    storage::append_case_event(conn, {crypto::random_id(), actor.tenant, meeting.case_id, now_ms, actor.user_id,
                                      "agreement_confirmed",
                                      nlohmann::json{{"meeting_id", meeting_id}, {"sha256", sha}}.dump()});
    l.reached.meeting = meeting;
    l.row = r;
    l.row->sent_at_ms = now_ms;
    l.row->pdf_sha256 = sha;
    return build_state(conn, m_config, l, actor);
  });
  publish(s, actor.tenant);
  return s;
}

std::string Agreements::pdf(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    Loaded l = load(conn, m_config, actor, meeting_id);
    if (!l.row || l.row->status != "final" || l.row->pdf_encrypted.empty()) throw NotFound("Aftalen findes ikke endnu");
    if (l.reached.reached_case.relation == CaseRelation::guardian) {
      const auto* use = l.type != nullptr ? l.type->agreement_document() : nullptr;
      if (use == nullptr || !use->shared_with_parents) throw NotFound("Aftalen findes ikke");
    }
    auto sealed = cipher_of(m_config).open(l.row->pdf_encrypted);
    auto bytes = sealed ? mail::base64_decode(*sealed) : std::nullopt;
    if (!bytes) throw Conflict("Aftalens PDF kan ikke åbnes.");
    audit::record(conn, actor,
                  {audit::Action::read, "agreement_pdf", meeting_id, l.reached.reached_case.record.child_id, "Møde", ""},
                  now_ms);
    return *bytes;
  });
}

}  // namespace samspil::service
