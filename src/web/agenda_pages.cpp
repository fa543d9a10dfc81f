// /moeder/{id}/dagsorden: the agenda of a meeting (R5, R7, R8, F6, S7) — the items with the
// speaking order, the follow-up's evaluation first (R9), the obligations with owner and due
// time (X3), attached documents. The agenda owner adds, moves and removes items and sends
// the agenda (every invited person gets a link by e-mail). Every change answers 303.
#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "web/admin_support.hpp"
#include "web/cases_support.hpp"
#include "web/forms.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

std::string status_key(const std::string& status) {
  if (status == "done") return "agenda_status_done";
  if (status == "missed") return "agenda_status_missed";
  if (status == "unknown") return "agenda_status_unknown";
  return "agenda_status_open";
}

http::Response show(const WebContext& ctx, http::Request& request, const std::string& id,
                    const service::FieldErrors& errors, const FormData* posted) {
  const auto& t = ctx.views;
  if (!ctx.models) throw service::NotFound("Mødet findes ikke");
  auto& agendas = ctx.services.agendas;
  const auto v = agendas.view(actor(request), id, ctx.now_ms());
  const std::string base = "/moeder/" + id;
  Form form(request, errors, posted);
  form.text({.name = "title", .label = t.t("agenda_item_title"), .hint = t.t("agenda_item_title_hint")})
      .textarea({.name = "description", .label = t.t("agenda_item_description"), .optional = true, .rows = 3});
  return ctx.views.render(
      request,
      {.title = t.t("agenda_title") + ": " + v.type_name,
       .body_template = "meetings/agenda.tpl",
       .breadcrumbs = {{t.t("cases_list_title"), "/sager"}, {t.t("agenda_title"), ""}},
       .has_errors = form.has_errors()},
      [&](ctemplate::TemplateDictionary& body) {
        body.SetValue("type_name", v.type_name);
        body.SetValue("starts", v.starts_at_ms ? danish_time(*v.starts_at_ms) : t.t("agenda_not_planned"));
        body.SetValue("kind", v.follow_up ? t.t("agenda_kind_follow_up") : t.t("agenda_kind_initial"));
        body.SetValue("sent", v.agenda_sent_at_ms ? danish_time(*v.agenda_sent_at_ms) : t.t("agenda_not_sent"));
        if (v.send_by_ms) body.SetValueAndShowSection("send_by", danish_time(*v.send_by_ms), "SEND_BY");
        body.SetValue("brief_href", base + "/oplaeg");
        if (v.follow_up) body.SetValueAndShowSection("evaluation_href", base + "/evaluering", "FOLLOW_UP_LINK");
        if (!v.speaking_order_labels.empty()) {
          auto* speaking = body.AddSectionDictionary("SPEAKING");
          for (const auto& label : v.speaking_order_labels) speaking->AddSectionDictionary("WHO")->SetValue("label", label);
        }
        if (!v.evaluations.empty()) {
          auto* evaluations = body.AddSectionDictionary("EVALUATIONS");
          for (const auto& s : v.evaluations) {
            auto* subject = evaluations->AddSectionDictionary("SUBJECT");
            subject->SetValue("label", s.label);
            for (const auto& q : s.questions) {
              auto* question = subject->AddSectionDictionary("QUESTION");
              question->SetValue("question", q.question);
              for (const auto& a : q.answers) {
                auto* answer = question->AddSectionDictionary("ANSWER");
                answer->SetValue("answer", a.answer);
                answer->SetValue("by", a.by_name);
              }
            }
          }
        }
        if (v.items.empty()) body.ShowSection("NO_ITEMS");
        int number = 0;
        for (const auto& item : v.items) {
          auto* row = body.AddSectionDictionary("ITEM");
          row->SetValue("title", item.title);
          if (!item.description.empty()) row->SetValueAndShowSection("description", item.description, "DESCRIPTION");
          if (v.may_edit) {
            auto* edit = row->AddSectionDictionary("ITEM_EDIT");
            edit->SetValue("item_href", base + "/dagsorden/punkter/" + item.id);
            edit->SetValue("csrf_token", state(request).csrf_token);
            edit->SetIntValue("number", ++number);
          }
        }
        if (v.may_edit) {
          auto* edit = body.AddSectionDictionary("EDIT");
          edit->SetValue("add_href", base + "/dagsorden/punkter");
          edit->SetValue("send_href", base + "/dagsorden/send");
          form.fill(*edit, ctx.views);
        }
        form.fill(body, ctx.views);  // the error summary at the top
        for (const auto& o : v.obligations) {
          auto* row = body.AddSectionDictionary("OBLIGATION");
          row->SetValue("label", o.label);
          row->SetValue("rule", o.rule);
          row->SetValue("owner", o.owner_name.empty() ? o.owner_role : o.owner_name);
          row->SetValue("due", o.due_at_ms ? danish_time(*o.due_at_ms) : t.t("agenda_status_unknown"));
          if (o.closed_day) row->ShowSection("CLOSED_DAY");
          row->SetValue("status", t.t(status_key(o.status)));
        }
        if (v.documents.empty()) body.ShowSection("NO_DOCUMENTS");
        for (const auto& d : v.documents) {
          auto* row = body.AddSectionDictionary("DOCUMENT");
          // Uploaded files (kind "file") download for the meeting's participants.
          if (d.kind == "file") {
            auto* file = row->AddSectionDictionary("FILE");
            file->SetValue("label", d.label);
            file->SetValue("href", base + "/dokumenter/" + d.id);
          } else {
            row->AddSectionDictionary("PLAIN")->SetValue("label", d.label);
          }
        }
        if (v.may_edit) {
          auto* upload = body.AddSectionDictionary("UPLOAD");
          upload->SetValue("upload_href", base + "/dokumenter");
          upload->SetValue("csrf_token", state(request).csrf_token);
        }
      });
}

}  // namespace

void add_agenda_routes(http::Router& router, const WebContext& context) {
  const auto worker = http::Execution::worker_pool;
  router.add(
      "GET", "/moeder/{id}/dagsorden",
      [&context](http::Request& request) { return show(context, request, request.params.at("id"), {}, nullptr); },
      {.name = "meetings.agenda", .policy = "signed_in", .execution = worker});

  router.add(
      "POST", "/moeder/{id}/dagsorden/punkter",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        try {
          context.services.agendas
              .add_item(actor(request), id, {form->trimmed("title"), form->trimmed("description")}, context.now_ms());
        } catch (const service::Invalid& e) {
          return show(context, request, id, e.fields, &*form);
        }
        return http::Response::redirect("/moeder/" + id + "/dagsorden");
      },
      {.name = "meetings.agenda.add_item", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/moeder/{id}/dagsorden/punkter/{item}/flyt",
      [&context](http::Request& request) {
        const auto form = read_form(request);
        if (!form) return http::Response::problem(400, "Ugyldig forespørgsel", "Formularen kunne ikke læses.");
        const auto& id = request.params.at("id");
        context.services.agendas
            .move_item(actor(request), id, request.params.at("item"), form->trimmed("direction") == "up" ? -1 : 1,
                       context.now_ms());
        return http::Response::redirect("/moeder/" + id + "/dagsorden");
      },
      {.name = "meetings.agenda.move_item", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/moeder/{id}/dagsorden/punkter/{item}/fjern",
      [&context](http::Request& request) {
        const auto& id = request.params.at("id");
        context.services.agendas
            .remove_item(actor(request), id, request.params.at("item"), context.now_ms());
        return http::Response::redirect("/moeder/" + id + "/dagsorden");
      },
      {.name = "meetings.agenda.remove_item", .policy = "staff", .execution = worker});

  router.add(
      "POST", "/moeder/{id}/dagsorden/send",
      [&context](http::Request& request) {
        const auto& id = request.params.at("id");
        try {
          context.services.agendas.send_agenda(actor(request), id, context.now_ms());
        } catch (const service::Invalid& e) {
          service::FieldErrors errors;
          for (const auto& [field, message] : e.fields) errors["title"] = message;
          return show(context, request, id, errors, nullptr);
        }
        return admin::done(context, request, "/moeder/" + id + "/dagsorden", context.views.t("agenda_sent_flash"));
      },
      {.name = "meetings.agenda.send", .policy = "staff", .execution = worker});
}

}  // namespace samspil::web
