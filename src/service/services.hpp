#pragma once
// Every use case the pages and the API call, built once at start-up by the composition root
// (app/) and handed to the handlers through edge::Context. A service object holds only the
// database and its configuration (no per-request state), so one instance serves every
// request on every worker thread; handlers never build a service or its configuration.
#include <memory>
#include <string>

#include "crypto/field_cipher.hpp"
#include "live/broadcast.hpp"
#include "service/agenda/agenda.hpp"
#include "service/agenda/agenda_files.hpp"
#include "service/agreements/agreements.hpp"
#include "service/base/model_registry.hpp"
#include "service/cases/cases.hpp"
#include "service/consent/consents.hpp"
#include "service/identity/api_tokens.hpp"
#include "service/identity/callers.hpp"
#include "service/identity/login.hpp"
#include "service/identity/login_throttle.hpp"
#include "service/identity/password_reset.hpp"
#include "service/identity/sessions.hpp"
#include "service/identity/totp_factor.hpp"
#include "service/meetings/date_polls.hpp"
#include "service/meetings/evaluations.hpp"
#include "service/meetings/meeting_roles.hpp"
#include "service/meetings/meetings.hpp"
#include "service/meetings/perspectives.hpp"
#include "service/organisation/settings.hpp"
#include "service/overview/overview.hpp"
#include "service/people/children.hpp"
#include "service/request_forms/request_forms.hpp"
#include "service/tasks/tasks.hpp"
#include "service/triage/triage.hpp"
#include "storage/database.hpp"
// Former free-function use cases (organisation, people, feeds, timelines, search, parents, access log)
#include "service/audit/access_log.hpp"
#include "service/cases/cases_search.hpp"
#include "service/meetings/calendar_feeds.hpp"
#include "service/organisation/organisation.hpp"
#include "service/overview/parent_children.hpp"
#include "service/people/people.hpp"
#include "service/triage/triage_timeline.hpp"

namespace samspil::service {

struct ServicesSettings {
  // Every collaboration model offered; a case runs under cases.model_id. Without one (a tool
  // that serves no request) no model is known, and the case routes answer "not set up".
  const ModelRegistry* models = nullptr;
  const crypto::FieldCipher* cipher = nullptr;  // null: the services that seal answer "not set up"
  live::Broadcast* live = nullptr;              // null: nobody follows meeting mode live
  std::string public_base_url{};                // links in mails and calendar entries
  bool records_export = false;                  // final agreements queued for --records-export
  FreeBusySource free_busy{};                   // null: imported calendars are not read
  sessions::Policy sessions{};                  // session lifetimes
  login::Limits login{};                        // log-in throttling and lock-out
};

class Services {
 public:
  Services(storage::Database& db, ServicesSettings settings);
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

 private:
  // Declared before the services that point into them.
  ServicesSettings m_settings;
  ModelRegistry m_registry;  // empty: the registry when none was given

 public:
  // The registry every service reads (never null).
  const ModelRegistry& models() const { return m_settings.models != nullptr ? *m_settings.models : m_registry; }

  const CasesConfig cases_config;
  const MeetingsConfig meetings_config;
  const AgreementsConfig agreements_config;
  const AgendaConfig agenda_config;
  const RequestFormsConfig request_forms_config;

  // Identity: who is calling (session cookie or API token), log-in, passphrases, the second
  // factor and API tokens.
  sessions::Callers callers;
  login::Accounts accounts;
  password_reset::Resets password_resets;
  totp_factor::SecondFactor second_factor;
  api_tokens::Tokens tokens;

  Cases cases;
  Consents consents;
  Children children;
  RequestForms request_forms;
  Triage triage;
  Meetings meetings;
  DatePolls date_polls;
  MeetingRoles meeting_roles;
  Perspectives perspectives;
  Evaluations evaluations;
  Agendas agendas;
  AgendaFiles agenda_files;
  Agreements agreements;
  Tasks tasks;
  Overview overview;
  Settings tenant_settings;

  // Former free-function use cases (organisation, people, feeds, timelines, search, parents, access log)
  organisation::Units units;
  people::Directory directory;
  calendar_feeds::Subscriptions calendar_subscriptions;
  CaseTimelines timelines;
  CaseSearch case_search;
  parents::MyChildren parent_children;
  access_log::AccessLog access_logs;
};

}  // namespace samspil::service
