// /sager/ny: register a concern about a child (F2, R1) — an existing child of one of the
// user's units, or a new child (name, birth date or CPR number, unit). A hidden
// idempotency key makes a double submit create one case. 303 to the new case on success.
#include "crypto/random.hpp"
#include "edge/request_state.hpp"
#include "service/cases/cases.hpp"
#include "service/people/children.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {
namespace {

http::Response show(const WebContext& ctx, http::Request& request,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  auto& children = ctx.services.children;
  const auto choices = children.choices(actor(request), ctx.now_ms());
  std::vector<Option> child_options{{"", t.t("cases_new_child_new")}};
  for (const auto& c : choices.children) {
    child_options.push_back({c.id, c.first_name + " " + c.last_name + " (" + c.birth_date + ")"});
  }
  std::vector<Option> unit_options{{"", t.t("cases_new_unit_choose")}};
  for (const auto& u : choices.my_units) unit_options.push_back({u.id, u.name});

  Form form(request, errors, posted);
  form.text({.name = "title", .label = t.t("cases_new_title_label"), .hint = t.t("cases_new_title_hint")})
      .select({.name = "child_id", .label = t.t("cases_new_child_label"), .options = child_options})
      .text({.name = "first_name", .label = t.t("cases_new_first_name"), .autocomplete = "off", .optional = true})
      .text({.name = "last_name", .label = t.t("cases_new_last_name"), .autocomplete = "off", .optional = true})
      .text({.name = "birth_date", .label = t.t("cases_new_birth_date"), .hint = t.t("cases_new_birth_date_hint"),
             .type = "date", .optional = true})
      .text({.name = "cpr", .label = t.t("cases_new_cpr"), .hint = t.t("cases_new_cpr_hint"), .autocomplete = "off",
             .width_class = "input-width-s", .optional = true, .inputmode = "numeric"})
      .select({.name = "unit_id", .label = t.t("cases_new_unit"), .options = unit_options})
      .text({.name = "group_name", .label = t.t("cases_new_group"), .width_class = "input-width-s", .optional = true})
      .textarea({.name = "tried", .label = t.t("cases_new_tried"), .hint = t.t("cases_new_tried_hint"),
                 .optional = true, .rows = 6});
  const std::string key = posted ? posted->get("idempotency_key") : crypto::random_token();
  return ctx.views.render(request,
                          {.title = t.t("cases_new_page_title"),
                           .body_template = "cases/new.tpl",
                           .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {t.t("cases_new_page_title"), ""}},
                           .has_errors = form.has_errors()},
                          [&](ctemplate::TemplateDictionary& body) {
                            form.fill(body, ctx.views);
                            body.SetValue("idempotency_key", key);
                          });
}

}  // namespace

void add_case_new_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_case_models(context);
  router.add(
      "GET", "/sager/ny",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        return show(context, request, {}, nullptr);
      },
      {.name = "cases.new", .policy = "staff", .execution = http::Execution::worker_pool});

  router.add(
      "POST", "/sager/ny",
      [pages, &context](http::Request& request) {
        if (!pages->ready()) return http::Response::redirect("/sager");
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        service::RegisterConcern in;
        in.title = form->trimmed("title");
        in.child_id = form->trimmed("child_id");
        in.first_name = form->trimmed("first_name");
        in.last_name = form->trimmed("last_name");
        in.birth_date = form->trimmed("birth_date");
        in.cpr = form->trimmed("cpr");
        in.unit_id = form->trimmed("unit_id");
        in.group_name = form->trimmed("group_name");
        in.tried = form->trimmed("tried");
        in.idempotency_key = form->trimmed("idempotency_key");
        auto& cases = context.services.cases;
        try {
          const auto made = cases.register_concern(actor(request), in, context.now_ms());
          return http::Response::redirect("/sager/" + made.case_id);
        } catch (const service::Invalid& e) {
          return show(context, request, e.fields, &*form);
        }
      },
      {.name = "cases.create", .policy = "staff", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
