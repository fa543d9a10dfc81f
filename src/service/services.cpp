#include "service/services.hpp"

namespace samspil::service {
namespace {

CasesConfig cases_of(const ModelRegistry& models, const crypto::FieldCipher* cipher) {
  CasesConfig c;
  c.models = &models;
  c.model = models.default_model();
  c.cipher = cipher;
  return c;
}

MeetingsConfig meetings_of(const ModelRegistry& models, const ServicesSettings& s) {
  MeetingsConfig c;
  c.models = &models;
  c.cipher = s.cipher;
  c.public_base_url = s.public_base_url;
  c.free_busy = s.free_busy;
  return c;
}

AgendaConfig agenda_of(const ModelRegistry& models, const ServicesSettings& s) {
  AgendaConfig c;
  c.models = &models;
  c.cipher = s.cipher;
  c.obligations.public_base_url = s.public_base_url;
  return c;
}

RequestFormsConfig request_forms_of(const ModelRegistry& models, const crypto::FieldCipher* cipher) {
  RequestFormsConfig c;
  c.models = &models;
  c.fallback_model = models.default_model();
  c.cipher = cipher;
  return c;
}

}  // namespace

Services::Services(storage::Database& db, ServicesSettings settings)
    : m_settings(std::move(settings)),
      m_registry(ModelRegistry::of({}, "")),
      cases_config(cases_of(models(), m_settings.cipher)),
      meetings_config(meetings_of(models(), m_settings)),
      agreements_config{&models(), m_settings.cipher, m_settings.live, m_settings.public_base_url,
                        m_settings.records_export},
      agenda_config(agenda_of(models(), m_settings)),
      request_forms_config(request_forms_of(models(), m_settings.cipher)),
      callers(db, m_settings.sessions),
      accounts(db, m_settings.login, m_settings.sessions),
      password_resets(db),
      second_factor(db, m_settings.login, m_settings.sessions),
      tokens(db),
      cases(db, cases_config),
      consents(db, cases_config),
      children(db, cases_config),
      request_forms(db, request_forms_config),
      triage(db, TriageConfig{&models(), m_settings.cipher, m_settings.public_base_url}),
      meetings(db, meetings_config),
      date_polls(db, meetings_config),
      meeting_roles(db, meetings_config),
      perspectives(db, m_settings.cipher, &models()),
      evaluations(db, agenda_config),
      agendas(db, agenda_config),
      agenda_files(db, AgendaFilesConfig{&models(), m_settings.cipher}),
      agreements(db, agreements_config),
      tasks(db, m_settings.cipher),
      overview(db, &models()),
      tenant_settings(db, models()),
      // Former free-function use cases (organisation, people, feeds, timelines, search, parents, access log)
      units(db),
      directory(db),
      calendar_subscriptions(db, m_settings.public_base_url),
      timelines(db),
      case_search(db, models()),
      parent_children(db, cases_config),
      access_logs(db) {}

}  // namespace samspil::service
