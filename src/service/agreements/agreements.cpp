// Meeting mode and the live agreement: read, write (minute taker), step and read back
// (chair), follow. Confirming and the PDF are in agreements_confirm.cpp.
#include "service/agreements/agreements.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "service/agreements/agreements_internal.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"

namespace samspil::service {

using namespace agreements_detail;

namespace {

audit::Entry agreement_entry(audit::Action action, const Loaded& l) {
  return audit::Entry{action, "agreement", l.reached.meeting.id, l.reached.reached_case.record.child_id, "Møde", ""};
}

// A fresh agreement row when the meeting has none yet (version 0 = not stored).
storage::AgreementRow row_or_new(const Loaded& l, const Actor& actor, std::int64_t now_ms) {
  if (l.row) return *l.row;
  storage::AgreementRow r;
  r.meeting_id = l.reached.meeting.id;
  r.tenant = actor.tenant;
  r.version = 0;
  r.created_at_ms = now_ms;
  r.updated_at_ms = now_ms;
  return r;
}

// Writes the row as version+1 (inserting it on the first write); Conflict when someone else
// wrote in between.
void store_next(storage::Connection& conn, storage::AgreementRow& r, std::int64_t expected_version,
                const Actor& actor, std::int64_t now_ms) {
  r.updated_by = actor.user_id;
  r.updated_at_ms = now_ms;
  if (expected_version == 0) {
    r.version = 1;
    try {
      storage::insert_agreement(conn, r);
    } catch (const storage::ConstraintViolation&) {
      throw Conflict("Aftalen er ændret af en anden imens. Hent den nyeste udgave og prøv igen.");
    }
    return;
  }
  r.version = expected_version + 1;
  if (!storage::update_agreement(conn, r, expected_version))
    throw Conflict("Aftalen er ændret af en anden imens. Hent den nyeste udgave og prøv igen.");
}

void require_open(const Loaded& l) {
  if (l.row && l.row->status == "final") throw Conflict("Aftalen er bekræftet og kan ikke længere ændres.");
  if (l.reached.meeting.status == "cancelled") throw Conflict("Mødet er aflyst.");
}

}  // namespace

AgreementState Agreements::state(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    Loaded l = load(conn, m_config, actor, meeting_id);
    audit::record(conn, actor, agreement_entry(audit::Action::read, l), now_ms);
    return build_state(conn, m_config, l, actor);
  });
}

AgreementState Agreements::save(const Actor& actor, const std::string& meeting_id, std::int64_t expected_version,
                                const AgreementContent& content, const std::vector<AgreementActionInput>& actions,
                                std::int64_t now_ms) {
  AgreementState s = m_db.transaction([&](storage::Connection& conn) {
    Loaded l = load(conn, m_config, actor, meeting_id);
    if (l.reached.reached_case.relation == CaseRelation::guardian || minute_taker_of(l) != actor.user_id)
      throw Forbidden("Kun referenten kan skrive i aftalen.");
    require_open(l);
    const crypto::FieldCipher& cipher = cipher_of(m_config);
    FieldErrors errors;
    std::vector<storage::AgreementActionRow> rows;
    for (std::size_t i = 0; i < actions.size(); ++i) {
      const auto& a = actions[i];
      const std::string field = "action_" + std::to_string(i);
      if (a.text.empty()) errors[field + "_text"] = "Skriv hvad der skal gøres.";
      if (!a.owner_id.empty() &&
          std::none_of(l.participants.begin(), l.participants.end(),
                       [&](const auto& p) { return p.user_id == a.owner_id; }))
        errors[field + "_owner"] = "Vælg en deltager i mødet som ansvarlig.";
      if (a.owner_id.empty() && a.owner_name.empty()) errors[field + "_owner"] = "Vælg hvem der er ansvarlig.";
      rows.push_back({crypto::random_id(), actor.tenant, meeting_id, static_cast<int>(i), cipher.seal(a.text),
                      a.owner_id, a.owner_id.empty() ? a.owner_name : "", a.due_at_ms, now_ms});
    }
    if (!errors.empty()) throw Invalid(errors);
    storage::AgreementRow r = row_or_new(l, actor, now_ms);
    r.content_encrypted = cipher.seal(agreements_detail::content_json(content));
    // A change after the read-back must be read back again (R6).
    r.status = "draft";
    r.read_back_at_ms.reset();
    r.read_back_by.clear();
    store_next(conn, r, expected_version, actor, now_ms);
    storage::replace_agreement_actions(conn, actor.tenant, meeting_id, rows);
    audit::record(conn, actor, agreement_entry(audit::Action::change, l), now_ms);
    l.row = r;
    return build_state(conn, m_config, l, actor);
  });
  publish(s, actor.tenant);
  return s;
}

AgreementState Agreements::step(const Actor& actor, const std::string& meeting_id, int delta, std::int64_t now_ms) {
  AgreementState s = m_db.transaction([&](storage::Connection& conn) {
    Loaded l = load(conn, m_config, actor, meeting_id);
    if (l.reached.reached_case.relation == CaseRelation::guardian || chair_of(l) != actor.user_id)
      throw Forbidden("Kun mødelederen kan skifte punkt på dagsordenen.");
    require_open(l);
    AgreementState before = build_state(conn, m_config, l, actor);
    const int last = std::max(0, static_cast<int>(before.agenda.size()) - 1);
    storage::AgreementRow r = row_or_new(l, actor, now_ms);
    const std::int64_t expected = r.version;
    r.current_item = std::clamp(before.current_item + delta, 0, last);
    store_next(conn, r, expected, actor, now_ms);
    l.row = r;
    return build_state(conn, m_config, l, actor);
  });
  publish(s, actor.tenant);
  return s;
}

AgreementState Agreements::read_back(const Actor& actor, const std::string& meeting_id, std::int64_t now_ms) {
  AgreementState s = m_db.transaction([&](storage::Connection& conn) {
    Loaded l = load(conn, m_config, actor, meeting_id);
    if (l.reached.reached_case.relation == CaseRelation::guardian || chair_of(l) != actor.user_id)
      throw Forbidden("Kun mødelederen kan læse aftalen op.");
    require_open(l);
    if (!l.row) throw Conflict("Der er endnu ikke skrevet noget i aftalen.");
    storage::AgreementRow r = *l.row;
    const std::int64_t expected = r.version;
    r.status = "read_back";
    r.read_back_at_ms = now_ms;
    r.read_back_by = actor.user_id;
    store_next(conn, r, expected, actor, now_ms);
    audit::record(conn, actor, agreement_entry(audit::Action::change, l), now_ms);
    l.row = r;
    return build_state(conn, m_config, l, actor);
  });
  publish(s, actor.tenant);
  return s;
}

void Agreements::follow(const Actor& actor, const std::string& meeting_id, live::Broadcast::Sink sink,
                        std::int64_t now_ms) {
  AgreementState s = state(actor, meeting_id, now_ms);
  // The current state first: a client reconnecting with Last-Event-ID catches up at once.
  if (!sink("state", s.version, agreement_state_json(s))) return;
  if (m_config.live != nullptr) m_config.live->subscribe(actor.tenant, meeting_id, std::move(sink));
}

void Agreements::publish(const AgreementState& s, const std::string& tenant) {
  if (m_config.live == nullptr) return;
  // Followers see the role-neutral state; their own rights come from their page.
  AgreementState shared = s;
  shared.is_chair = shared.is_minute_taker = shared.is_guardian = false;
  m_config.live->publish(tenant, s.meeting_id, "state", s.version, agreement_state_json(shared));
}

}  // namespace samspil::service
