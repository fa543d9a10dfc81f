// One place that lists every group of /api/v1 routes.
#include "api/routes.hpp"

#include <fstream>
#include <memory>
#include <sstream>

namespace samspil::api {

void add_access_log_routes(http::Router& router, const edge::Context& context);
void add_me_routes(http::Router& router, const edge::Context& context);
void add_me_children_routes(http::Router& router, const edge::Context& context);
void add_freebusy_api_routes(http::Router& router, const edge::Context& context);
void add_case_api_routes(http::Router& router, const edge::Context& context);
void add_request_form_api_routes(http::Router& router, const edge::Context& context);
void add_meeting_api_routes(http::Router& router, const edge::Context& context);
void add_meeting_role_api_routes(http::Router& router, const edge::Context& context);
void add_date_poll_api_routes(http::Router& router, const edge::Context& context);
void add_triage_api_routes(http::Router& router, const edge::Context& context);
void add_task_api_routes(http::Router& router, const edge::Context& context);
void add_consent_api_routes(http::Router& router, const edge::Context& context);
void add_child_api_routes(http::Router& router, const edge::Context& context);
void add_unit_api_routes(http::Router& router, const edge::Context& context);
void add_user_api_routes(http::Router& router, const edge::Context& context);
void add_guardian_api_routes(http::Router& router, const edge::Context& context);
void add_agenda_api_routes(http::Router& router, const edge::Context& context);
void add_agenda_file_api_routes(http::Router& router, const edge::Context& context);
void add_obligation_api_routes(http::Router& router, const edge::Context& context);
void add_evaluation_api_routes(http::Router& router, const edge::Context& context);
void add_overview_api_routes(http::Router& router, const edge::Context& context);
void add_settings_api_routes(http::Router& router, const edge::Context& context);
void add_agreement_api_routes(http::Router& router, const edge::Context& context);
void add_meeting_events_api_routes(http::Router& router, const edge::Context& context);

void add_routes(http::Router& router, const edge::Context& context) {
  (void)context;
  // The OpenAPI document is data (openapi/v1.json), read once at start-up; a test keeps it
  // true to the router's /api/v1 routes.
  auto document = std::make_shared<std::string>();
  {
    std::ifstream in(context.data_dir / "openapi" / "v1.json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    *document = s.str();
  }
  router.add(
      "GET", "/api/v1/openapi.json",
      [document](http::Request&) {
        http::Response r;
        r.status = 200;
        r.set_header("Content-Type", "application/json");
        r.shared_body = document;
        return r;
      },
      {.name = "api.openapi", .policy = "public", .execution = http::Execution::io_thread});
  add_access_log_routes(router, context);
  add_me_routes(router, context);
  add_me_children_routes(router, context);
  add_freebusy_api_routes(router, context);
  add_case_api_routes(router, context);
  add_request_form_api_routes(router, context);
  add_meeting_api_routes(router, context);
  add_meeting_role_api_routes(router, context);
  add_date_poll_api_routes(router, context);
  add_triage_api_routes(router, context);
  add_task_api_routes(router, context);
  add_consent_api_routes(router, context);
  add_child_api_routes(router, context);
  add_unit_api_routes(router, context);
  add_user_api_routes(router, context);
  add_guardian_api_routes(router, context);
  add_agenda_api_routes(router, context);
  add_agenda_file_api_routes(router, context);
  add_obligation_api_routes(router, context);
  add_agreement_api_routes(router, context);
  add_meeting_events_api_routes(router, context);
  add_evaluation_api_routes(router, context);
  add_overview_api_routes(router, context);
  add_settings_api_routes(router, context);
}

}  // namespace samspil::api
