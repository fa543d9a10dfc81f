// One place that lists every group of pages, so a reader sees the whole site at a glance.
#include "web/routes.hpp"

namespace samspil::web {

void add_home_routes(http::Router& router, const WebContext& context);
void add_accessibility_routes(http::Router& router, const WebContext& context);
void add_login_routes(http::Router& router, const WebContext& context);
void add_login_totp_routes(http::Router& router, const WebContext& context);
void add_login_reset_routes(http::Router& router, const WebContext& context);
void add_profile_routes(http::Router& router, const WebContext& context);
void add_parents_access_log_routes(http::Router& router, const WebContext& context);
void add_parents_home_routes(http::Router& router, const WebContext& context);
void add_parents_consent_routes(http::Router& router, const WebContext& context);
void add_parents_meeting_perspective_routes(http::Router& router, const WebContext& context);
void add_case_list_routes(http::Router& router, const WebContext& context);
void add_case_new_routes(http::Router& router, const WebContext& context);
void add_case_show_routes(http::Router& router, const WebContext& context);
void add_case_consent_paper_routes(http::Router& router, const WebContext& context);
void add_meeting_routes(http::Router& router, const WebContext& context);
void add_meeting_role_routes(http::Router& router, const WebContext& context);
void add_date_poll_routes(http::Router& router, const WebContext& context);
void add_meeting_new_routes(http::Router& router, const WebContext& context);
void add_meeting_response_link_routes(http::Router& router, const WebContext& context);
void add_parents_meeting_routes(http::Router& router, const WebContext& context);
void add_calendar_feed_routes(http::Router& router, const WebContext& context);
void add_request_form_routes(http::Router& router, const WebContext& context);
void add_request_form_file_routes(http::Router& router, const WebContext& context);
void add_parents_request_form_routes(http::Router& router, const WebContext& context);
void add_triage_routes(http::Router& router, const WebContext& context);
void add_case_timeline_routes(http::Router& router, const WebContext& context);
void add_case_close_routes(http::Router& router, const WebContext& context);
void add_task_routes(http::Router& router, const WebContext& context);
void add_agenda_routes(http::Router& router, const WebContext& context);
void add_agenda_file_routes(http::Router& router, const WebContext& context);
void add_brief_routes(http::Router& router, const WebContext& context);
void add_evaluation_routes(http::Router& router, const WebContext& context);
void add_meeting_mode_routes(http::Router& router, const WebContext& context);
void add_agreement_routes(http::Router& router, const WebContext& context);
void add_admin_overview_routes(http::Router& router, const WebContext& context);
void add_admin_unit_routes(http::Router& router, const WebContext& context);
void add_admin_unit_edit_routes(http::Router& router, const WebContext& context);
void add_admin_user_list_routes(http::Router& router, const WebContext& context);
void add_admin_user_new_routes(http::Router& router, const WebContext& context);
void add_admin_user_edit_routes(http::Router& router, const WebContext& context);
void add_admin_guardian_routes(http::Router& router, const WebContext& context);
void add_admin_token_routes(http::Router& router, const WebContext& context);
void add_admin_settings_routes(http::Router& router, const WebContext& context);

void add_routes(http::Router& router, const WebContext& context) {
  add_home_routes(router, context);
  add_accessibility_routes(router, context);
  add_login_routes(router, context);
  add_login_totp_routes(router, context);
  add_login_reset_routes(router, context);
  add_profile_routes(router, context);
  add_parents_access_log_routes(router, context);
  add_parents_home_routes(router, context);
  add_parents_consent_routes(router, context);
  add_parents_meeting_perspective_routes(router, context);
  add_case_list_routes(router, context);
  add_case_new_routes(router, context);
  add_case_show_routes(router, context);
  add_case_consent_paper_routes(router, context);
  add_meeting_routes(router, context);
  add_meeting_role_routes(router, context);
  add_date_poll_routes(router, context);
  add_meeting_new_routes(router, context);
  add_meeting_response_link_routes(router, context);
  add_parents_meeting_routes(router, context);
  add_calendar_feed_routes(router, context);
  add_request_form_routes(router, context);
  add_request_form_file_routes(router, context);
  add_parents_request_form_routes(router, context);
  add_triage_routes(router, context);
  add_case_timeline_routes(router, context);
  add_case_close_routes(router, context);
  add_task_routes(router, context);
  add_agenda_routes(router, context);
  add_agenda_file_routes(router, context);
  add_brief_routes(router, context);
  add_evaluation_routes(router, context);
  add_meeting_mode_routes(router, context);
  add_agreement_routes(router, context);
  add_admin_overview_routes(router, context);
  add_admin_unit_routes(router, context);
  add_admin_unit_edit_routes(router, context);
  add_admin_user_list_routes(router, context);
  add_admin_user_new_routes(router, context);
  add_admin_user_edit_routes(router, context);
  add_admin_guardian_routes(router, context);
  add_admin_token_routes(router, context);
  add_admin_settings_routes(router, context);
}

}  // namespace samspil::web
