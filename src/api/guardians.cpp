// /api/v1/guardians: guardians (users with role guardian) and their children; administrators
// only. Rules in service/people/people.
#include "api/json.hpp"
#include "api/people_json.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"

namespace samspil::api {

namespace people = service::people;

void add_guardian_api_routes(http::Router& router, const edge::Context& context) {
  const auto catalogue = professions_for(context);

  router.add(
      "GET", "/api/v1/guardians",
      [&context](http::Request& request) {
        const auto page = context.services.directory.list_guardians(
            edge::actor(request), request.query_param("after"), limit_param(request), context.now_ms());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& g : page.guardians) items.push_back(guardian_json(g));
        return api::json(200, page_json(std::move(items), page.next_cursor));
      },
      {.name = "api.guardians.list", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/api/v1/guardians",
      [&context, catalogue](http::Request& request) {
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::FieldErrors errors;
        people::NewUser input{string_field(*body, "email", errors).value_or(""),
                              string_field(*body, "display_name", errors).value_or(""),
                              "guardian",
                              string_field(*body, "password", errors).value_or(""),
                              {},
                              {}};
        if (!errors.empty()) return invalid(errors);
        const auto& actor = edge::actor(request);
        const auto user = context.services.directory.create_user(actor, *catalogue, input, context.now_ms());
        return api::json(201, guardian_json(people::GuardianView{user, {}}));
      },
      {.name = "api.guardians.create", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/api/v1/guardians/{id}/children",
      [&context](http::Request& request) {
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::FieldErrors errors;
        people::LinkInput input{string_field(*body, "child_id", errors).value_or(""),
                                string_field(*body, "relation", errors).value_or("parent"),
                                bool_field(*body, "has_custody", errors).value_or(true)};
        if (!errors.empty()) return invalid(errors);
        return api::json(200, guardian_json(context.services.directory.link_child(
                                  edge::actor(request), request.params.at("id"), input, context.now_ms())));
      },
      {.name = "api.guardians.link_child", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
