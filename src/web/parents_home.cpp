// /foraeldre: "Mine børn" — for each of the guardian's children the unit, the open cases as
// shared with guardians, the consents in force (each with a withdraw button) and withdrawn,
// and links to give a consent and to the access log. Cards, not tables, so 360 px works.
#include <string>

#include "domain/model.hpp"
#include "edge/request_state.hpp"
#include "service/overview/overview.hpp"
#include "service/overview/parent_children.hpp"
#include "web/cases_support.hpp"
#include "web/routes.hpp"

namespace samspil::web {

namespace {

std::string scope_name(const domain::Model& model, const service::ConsentView& c) {
  if (!c.scope_name.empty()) return c.scope_name;
  const auto* s = domain::find_consent_scope(model, c.row.scope);
  return s ? s->name : c.row.scope;
}

// The invitations to meetings about this child: when, what, the answer so far, and links to
// answer (the meeting page) and to add the guardian's perspective.
void fill_invitations(ctemplate::TemplateDictionary& row, const std::string& child_id,
                      const std::vector<service::OverviewMeeting>& invitations) {
  bool any = false;
  for (const auto& m : invitations) {
    if (m.row.child_id != child_id) continue;
    any = true;
    auto* entry = row.AddSectionDictionary("INVITATION");
    entry->SetValue("type", m.type_name);
    entry->SetValue("case_title", m.row.case_title);
    entry->SetValue("when", danish_time(m.row.starts_at_ms));
    if (!m.row.location.empty()) entry->SetValueAndShowSection("location", m.row.location, "LOCATION");
    entry->ShowSection(m.row.response == "accepted"   ? "RESPONSE_ACCEPTED"
                       : m.row.response == "declined" ? "RESPONSE_DECLINED"
                                                      : "RESPONSE_PENDING");
    entry->SetValue("meeting_href", "/foraeldre/moeder/" + m.row.id);
    entry->SetValue("perspective_href", "/foraeldre/moeder/" + m.row.id + "/perspektiv");
  }
  if (!any) row.ShowSection("NO_INVITATIONS");
}

// The documents to read and download: each finalised meeting's agreement (PDF) and each open
// case's request form (page and PDF; the form's own page says when there is none yet).
void fill_documents(ctemplate::TemplateDictionary& row, const service::parents::ParentChild& item,
                    const std::vector<service::OverviewMeeting>& agreements) {
  bool any = false;
  for (const auto& m : agreements) {
    if (m.row.child_id != item.child.record.id) continue;
    any = true;
    auto* entry = row.AddSectionDictionary("AGREEMENT");
    entry->SetValue("type", m.type_name);
    entry->SetValue("when", danish_date(m.row.starts_at_ms));
    entry->SetValue("href", "/foraeldre/moeder/" + m.row.id + "/aftale.pdf");
  }
  for (const auto& c : item.open_cases) {
    any = true;
    auto* entry = row.AddSectionDictionary("REQUEST_FORM");
    entry->SetValue("title", c.record.title);
    entry->SetValue("href", "/foraeldre/sager/" + c.record.id + "/anmodning");
    entry->SetValue("pdf_href", "/foraeldre/sager/" + c.record.id + "/anmodning.pdf");
  }
  if (!any) row.ShowSection("NO_DOCUMENTS");
}

void fill_child(ctemplate::TemplateDictionary& row, const service::parents::ParentChild& item, const CaseModels& pages,
                const std::string& csrf_token) {
  const auto& child = item.child.record;
  row.SetValue("name", child.first_name + " " + child.last_name);
  row.SetValue("child_id", child.id);
  row.SetValue("heading_id", "barn-" + child.id);
  if (!item.unit_name.empty()) row.SetValueAndShowSection("unit", item.unit_name, "UNIT");
  if (!child.group_name.empty()) row.SetValueAndShowSection("group", child.group_name, "GROUP");
  if (item.open_cases.empty()) row.ShowSection("NO_CASES");
  for (const auto& c : item.open_cases) {
    auto* entry = row.AddSectionDictionary("CASE");
    entry->SetValue("title", c.record.title);
    entry->SetValue("state", c.state_name);
    entry->SetValue("opened", danish_date(c.record.opened_at_ms));
    entry->SetValue("href", "/sager/" + c.record.id);
  }
  bool any_in_force = false, any_withdrawn = false;
  for (const auto& c : item.consents) {
    if (c.in_force) {
      any_in_force = true;
      auto* entry = row.AddSectionDictionary("IN_FORCE");
      entry->SetValue("scope", scope_name(*pages.model, c));
      entry->SetValue("purpose", c.row.purpose);
      entry->SetValue("parties", c.row.parties);
      entry->SetValue("given", danish_date(c.row.given_at_ms));
      if (c.row.expires_at_ms) entry->SetValueAndShowSection("expires", danish_date(*c.row.expires_at_ms), "EXPIRES");
      entry->SetValue("action", "/foraeldre/samtykke/" + c.row.id + "/tilbagekald");
      entry->SetValue("csrf_token", csrf_token);
    } else {
      any_withdrawn = true;
      auto* entry = row.AddSectionDictionary("ENDED");
      entry->SetValue("scope", scope_name(*pages.model, c));
      entry->SetValue("given", danish_date(c.row.given_at_ms));
      if (c.row.withdrawn_at_ms) {
        entry->SetValueAndShowSection("withdrawn", danish_date(*c.row.withdrawn_at_ms), "WITHDRAWN");
      } else {
        entry->ShowSection("EXPIRED");
      }
    }
  }
  if (!any_in_force) row.ShowSection("NO_CONSENT");
  if (!any_withdrawn) row.ShowSection("NO_ENDED");
  row.SetValue("give_href", "/foraeldre/boern/" + child.id + "/samtykke");
}

}  // namespace

void add_parents_home_routes(http::Router& router, const WebContext& context) {
  const auto pages = load_case_models(context);
  router.add(
      "GET", "/foraeldre",
      [pages, &context](http::Request& request) {
        const service::Actor& who = actor(request);
        std::vector<service::parents::ParentChild> children;
        if (pages->ready()) children = context.services.parent_children.my_children(who, context.now_ms());
        auto& overview = context.services.overview;
        const auto invitations = overview.invitations(who, context.now_ms());
        const auto agreements = overview.agreements(who);
        return context.views.render(
            request,
            {.title = context.views.t("parents_title"),
             .body_template = "parents/home.tpl",
             .breadcrumbs = {{context.views.t("parents_title"), ""}}},
            [&](ctemplate::TemplateDictionary& body) {
              if (children.empty()) body.ShowSection("NO_CHILDREN");
              for (const auto& item : children) {
                auto* row = body.AddSectionDictionary("CHILD");
                fill_child(*row, item, *pages, state(request).csrf_token);
                fill_invitations(*row, item.child.record.id, invitations);
                fill_documents(*row, item, agreements);
              }
            });
      },
      {.name = "parents.home", .policy = "guardian", .execution = http::Execution::worker_pool});
}

}  // namespace samspil::web
