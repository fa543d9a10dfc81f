// /api/v1/me/tasks (the caller's open tasks, earliest due first, cursor pages) and
// POST /api/v1/tasks/{id}/done (owner only; someone else's task is 404).
#include "api/json.hpp"
#include "edge/context.hpp"
#include "edge/request_state.hpp"
#include "http/router.hpp"
#include "service/tasks/tasks.hpp"

namespace samspil::api {
namespace {

using Json = nlohmann::json;

Json optional_ms(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json task_json(const service::TaskView& t) {
  return {{"id", t.row.id},
          {"kind", t.row.kind},
          {"label", t.row.label},
          {"title", t.title},
          {"case_id", t.row.case_id.empty() ? Json(nullptr) : Json(t.row.case_id)},
          {"meeting_id", t.row.meeting_id.empty() ? Json(nullptr) : Json(t.row.meeting_id)},
          {"due_at", optional_ms(t.row.due_at_ms)},
          {"overdue", t.overdue},
          {"status", t.row.status},
          {"done_at", optional_ms(t.row.done_at_ms)},
          {"created_at", t.row.created_at_ms}};
}

int limit_param(const http::Request& request) {
  const std::string text = request.query_param("limit");
  if (text.empty() || text.size() > 3) return 50;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return 50;
  }
  return std::stoi(text);
}

}  // namespace

void add_task_api_routes(http::Router& router, const edge::Context& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/api/v1/me/tasks",
      [&context](http::Request& request) {
        const auto page = context.services.tasks
                              .mine(edge::actor(request), request.query_param("cursor"), limit_param(request),
                                    context.now_ms());
        Json items = Json::array();
        for (const auto& t : page.items) items.push_back(task_json(t));
        return json(200, {{"items", items},
                          {"next_cursor", page.next_cursor.empty() ? Json(nullptr) : Json(page.next_cursor)}});
      },
      {.name = "api.me.tasks", .policy = "staff", .execution = worker});
  router.add(
      "POST", "/api/v1/tasks/{id}/done",
      [&context](http::Request& request) {
        const auto done = context.services.tasks
                              .complete(edge::actor(request), request.params.at("id"), context.now_ms());
        return json(200, task_json(done));
      },
      {.name = "api.tasks.done", .policy = "staff", .execution = worker});
}

}  // namespace samspil::api
