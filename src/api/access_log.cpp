// GET /api/v1/me/access-log: the signed-in guardian's extract of the access log as JSON
// (the same data as /foraeldre/adgangslog). ?page=N, 1-based; 50 entries a page.
#include <charconv>
#include <string>

#include "api/json.hpp"
#include "edge/context.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"
#include "service/audit/access_log.hpp"

namespace samspil::api {

namespace {

int page_param(const http::Request& request) {
  const std::string text = request.query_param("page");
  int page = 1;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (ec != std::errc() || p != text.data() + text.size() || page < 1) return 1;
  return page;
}

}  // namespace

void add_access_log_routes(http::Router& router, const edge::Context& context) {
  router.add(
      "GET", "/api/v1/me/access-log",
      [&context](http::Request& request) {
        const auto extract = context.services.access_logs.guardian_extract(
            edge::actor(request), page_param(request), service::access_log::kPageSize, context.now_ms());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& i : extract.items) {
          items.push_back({{"at", i.at_iso},
                           {"child_id", i.child_id},
                           {"child_first_name", i.child_first_name},
                           {"unit", i.unit_name},
                           {"role", i.role},
                           {"role_label", i.role_label},
                           {"action", i.action},
                           {"action_label", i.action_label},
                           {"object_type", i.object_type},
                           {"object_label", i.object_label},
                           {"purpose", i.purpose}});
        }
        return json(200, {{"items", items},
                          {"page", extract.page},
                          {"page_count", extract.page_count},
                          {"total", extract.total}});
      },
      {.name = "api.me.access_log", .policy = "guardian", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::api
