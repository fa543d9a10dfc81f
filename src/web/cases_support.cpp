#include "web/cases_support.hpp"

#include <cstdio>

#include "domain/calendar.hpp"
#include "service/cases_setup.hpp"

namespace samspil::web {

std::shared_ptr<const CasePages> load_case_pages(const WebContext& context) {
  auto pages = std::make_shared<CasePages>();
  if (context.models != nullptr) {
    // Non-owning: the registry outlives every route (it is owned by the composition root).
    pages->model = std::shared_ptr<const domain::Model>(std::shared_ptr<const domain::Model>{},
                                                        context.models->default_model());
    pages->config.models = context.models;
  } else {
    pages->model = service::load_case_model(context.data_dir);
  }
  pages->config.model = pages->model.get();
  pages->config.cipher = context.cipher;
  return pages;
}

const domain::Model& model_of_case(const CasePages& pages, const std::string& model_id) {
  if (pages.config.models != nullptr) {
    if (const auto* m = pages.config.models->find(model_id)) return *m;
  }
  return *pages.model;
}

std::string danish_time(std::int64_t ms) {
  const auto local = domain::to_local(domain::Instant{std::chrono::seconds{ms / 1000}});
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day d{day};
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02u.%02u.%04d %02d:%02d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()), static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return buffer;
}

std::string danish_date(std::int64_t ms) { return danish_time(ms).substr(0, 10); }

}  // namespace samspil::web
