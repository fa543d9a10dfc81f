#pragma once
// Fixture of the dates helper's tests (R4.4 proposed dates, R4.5 delegation, agenda files):
// the cases world on each engine with the Ringsted and PPR presets, a field cipher, and the
// psychologist as an external professional (PPR) assigned to the case.
#include <gtest/gtest.h>

#include <functional>

#include "cases_service_fixture.hpp"
#include "service/base/model_registry.hpp"
#include "service/meetings/meeting_roles.hpp"
#include "service/meetings/meetings.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::cases_testing {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

class DatesTest : public CasesServiceTest {
 protected:
  void SetUp() override {
    CasesServiceTest::SetUp();
    if (HasFatalFailure()) return;
    std::vector<domain::Model> models;
    for (const char* f : {"ppr-vejen-ind.yaml", "ringsted-samarbejdsmoeder.yaml"}) models.push_back(load_preset(f));
    registry = std::make_unique<service::ModelRegistry>(service::ModelRegistry::of(std::move(models), "ppr-vejen-ind"));
    mconfig.models = registry.get();
    mconfig.cipher = m_cipher.get();
    mconfig.public_base_url = "https://samspil.test";
    // The request form is completed with the parents (R4(3)); its own tests live elsewhere.
    mconfig.request_form_status = [](storage::Connection&, const std::string&, const std::string&,
                                     std::optional<std::int64_t>) { return domain::RequestFormStatus::new_or_updated; };
    meetings = std::make_unique<service::Meetings>(*m_db, mconfig);
    roles = std::make_unique<service::MeetingRoles>(*m_db, mconfig);
    // The psychologist is an external professional (PPR) assigned to the case.
    m_db->acquire()->query(
        "INSERT INTO user_professions (tenant, user_id, profession) VALUES ('t1', 'p-psych', 'ppr_psychologist')");
  }

  // A Ringsted samarbejdsmøde convened by the teacher with the leader (chair, minute taker)
  // and, unless without_psychologist, the psychologist (assigned to the case either way).
  std::string convene(bool without_psychologist = false) {
    service::CasesConfig cfg = m_config;
    cfg.model = registry->find("ringsted-samarbejdsmoeder");
    service::RegisterConcern in;
    in.child_id = w.child;
    in.title = "Trivsel";
    in.tried = "Samtaler med barnet";
    case_id = service::Cases(*m_db, cfg).register_concern(teacher, in, now).case_id;
    m_db->acquire()->query("UPDATE cases SET assigned_to = 'p-psych' WHERE id = $1", {case_id});
    service::ConveneRequest req;
    req.case_id = case_id;
    req.type_id = "samarbejdsmoede";
    req.user_ids = {w.leader};
    if (!without_psychologist) req.user_ids.push_back(w.psychologist);
    req.starts_at_ms = now + 30 * kDay;
    return meetings->convene(teacher, req, now);
  }

  std::string participant_of(const std::string& meeting_id, const std::string& user_id) {
    for (const auto& p : storage::meeting_participants(*m_db->acquire(), "t1", meeting_id))
      if (p.user_id == user_id) return p.id;
    ADD_FAILURE() << "not invited: " << user_id;
    return "";
  }

  std::string holder(const std::string& meeting_id, const std::string& role) {
    for (const auto& r : storage::meeting_roles(*m_db->acquire(), "t1", meeting_id))
      if (r.role == role) return r.participant_id;
    return "";
  }

  std::string conflict_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const service::Conflict& e) {
      return e.what();
    }
    ADD_FAILURE() << "no Conflict";
    return "";
  }

  std::unique_ptr<service::ModelRegistry> registry;
  service::MeetingsConfig mconfig;
  std::unique_ptr<service::Meetings> meetings;
  std::unique_ptr<service::MeetingRoles> roles;
  std::string case_id;
};

}  // namespace samspil::cases_testing
