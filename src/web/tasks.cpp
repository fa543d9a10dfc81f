// POST /opgaver/{id}/udfoert: the owner marks a task done (from "Mit overblik", which the
// overview lists). 303 back to the page named in the form's "next" (a local path only), else
// to the front page; someone else's task answers 404.
#include "service/errors.hpp"
#include "service/tasks.hpp"
#include "web/admin_support.hpp"
#include "web/forms.hpp"
#include "web/request_state.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

// Only a path on this site: "/x…" but not "//host" or "/\host" (no open redirect).
std::string local_path_or_home(const std::string& next) {
  if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) return "/";
  for (char ch : next) {
    if (static_cast<unsigned char>(ch) < 0x20 || ch == '\\') return "/";
  }
  return next;
}

}  // namespace

void add_task_routes(http::Router& router, const WebContext& context) {
  router.add(
      "POST", "/opgaver/{id}/udfoert",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        service::Tasks(context.db, context.cipher).complete(actor(request), request.params.at("id"), context.now_ms());
        return admin::done(context, request, local_path_or_home(form->trimmed("next")),
                           context.views.t("tasks_done_flash"));
      },
      {.name = "tasks.done", .policy = "staff", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
