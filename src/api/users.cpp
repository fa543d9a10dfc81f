// /api/v1/users: staff and guardians of the municipality. Administrators manage; a unit
// leader may list (read only) the members of the units they lead (?unit_id=). Rules in
// service/people/people.
#include "api/json.hpp"
#include "api/people_json.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"

namespace samspil::api {

namespace people = service::people;

void add_user_api_routes(http::Router& router, const edge::Context& context) {
  const auto catalogue = professions_for(context);

  router.add(
      "GET", "/api/v1/users",
      [&context](http::Request& request) {
        const people::UserQuery query{request.query_param("role"), request.query_param("unit_id"),
                                      request.query_param("after"), limit_param(request)};
        const auto page = context.services.directory.list_users(edge::actor(request), query, context.now_ms());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& u : page.users) items.push_back(user_json(u));
        return api::json(200, page_json(std::move(items), page.next_cursor));
      },
      {.name = "api.users.list", .policy = "staff", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/api/v1/users",
      [&context, catalogue](http::Request& request) {
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::FieldErrors errors;
        people::NewUser input{string_field(*body, "email", errors).value_or(""),
                              string_field(*body, "display_name", errors).value_or(""),
                              string_field(*body, "role", errors).value_or(""),
                              string_field(*body, "password", errors).value_or(""),
                              strings_field(*body, "professions", errors).value_or(std::vector<std::string>{}),
                              memberships_field(*body, errors).value_or(std::vector<people::MembershipInput>{})};
        if (!errors.empty()) return invalid(errors);
        return api::json(201, user_json(context.services.directory.create_user(edge::actor(request), *catalogue, input,
                                                                               context.now_ms())));
      },
      {.name = "api.users.create", .policy = "admin", .execution = http::Execution::worker_pool});

  router.add(
      "GET", "/api/v1/users/{id}",
      [&context](http::Request& request) {
        return api::json(
            200, user_json(context.services.directory.get_user(edge::actor(request), request.params.at("id"),
                                                               context.now_ms())));
      },
      {.name = "api.users.show", .policy = "staff", .execution = http::Execution::worker_pool});

  router.add(
      "PATCH", "/api/v1/users/{id}",
      [&context, catalogue](http::Request& request) {
        const auto body = parse_object(request);
        if (!body) return bad_json();
        service::FieldErrors errors;
        people::UserPatch patch;
        patch.display_name = string_field(*body, "display_name", errors);
        patch.role = string_field(*body, "role", errors);
        patch.professions = strings_field(*body, "professions", errors);
        patch.memberships = memberships_field(*body, errors);
        patch.disabled = bool_field(*body, "disabled", errors);
        patch.password = string_field(*body, "password", errors);
        if (!errors.empty()) return invalid(errors);
        return api::json(200, user_json(context.services.directory.update_user(
                                  edge::actor(request), *catalogue, request.params.at("id"), patch, context.now_ms())));
      },
      {.name = "api.users.update", .policy = "admin", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
