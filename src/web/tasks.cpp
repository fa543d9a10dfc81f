// POST /opgaver/{id}/udfoert: the owner marks a task done (from "Mit overblik", which the
// overview lists). 303 back to the page named in the form's "next" (a local path only), else
// to the front page; someone else's task answers 404.
#include "edge/policy.hpp"
#include "edge/request_state.hpp"
#include "service/base/errors.hpp"
#include "service/tasks/tasks.hpp"
#include "web/admin_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {
void add_task_routes(http::Router& router, const WebContext& context) {
  router.add(
      "POST", "/opgaver/{id}/udfoert",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        context.services.tasks.complete(actor(request), request.params.at("id"), context.now_ms());
        return admin::done(context, request, safe_local_target(form->trimmed("next")),
                           context.views.t("tasks_done_flash"));
      },
      {.name = "tasks.done", .policy = "staff", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
