#include "web/navigation.hpp"

#include <string_view>
#include <vector>

#include "edge/request_state.hpp"
#include "web/template_keys.hpp"
#include "web/views.hpp"

namespace samspil::web {

namespace {

// The layout's sections and values, set on every page (static keys: web/template_keys.hpp).
SAMSPIL_TEMPLATE_KEY(kSectionCurrent, "CURRENT");
SAMSPIL_TEMPLATE_KEY(kSectionFlash, "FLASH");
SAMSPIL_TEMPLATE_KEY(kSectionNav, "NAV");
SAMSPIL_TEMPLATE_KEY(kSectionSignedIn, "SIGNED_IN");
SAMSPIL_TEMPLATE_KEY(kSectionSignedOut, "SIGNED_OUT");
SAMSPIL_TEMPLATE_KEY(kCsrfToken, "csrf_token");
SAMSPIL_TEMPLATE_KEY(kFlash, "flash");
SAMSPIL_TEMPLATE_KEY(kHref, "href");
SAMSPIL_TEMPLATE_KEY(kLabel, "label");
SAMSPIL_TEMPLATE_KEY(kUserName, "user_name");
SAMSPIL_TEMPLATE_KEY(kUserRole, "user_role");

struct NavItem {
  std::string_view href;
  std::string_view label_key;
};

// Navigation by role: what each kind of user works with. Guardians see only the parent
// portal; staff see their overview and cases; administrators also the administration.
std::vector<NavItem> nav_for(const service::Actor& actor) {
  using service::Role;
  if (actor.role == Role::guardian) return {{"/foraeldre", "nav_parents"}, {"/min-profil", "nav_profile"}};
  std::vector<NavItem> items{{"/", "nav_overview"}, {"/sager", "nav_cases"}};
  if (actor.role == Role::administrator) items.push_back({"/admin", "nav_admin"});
  items.push_back({"/min-profil", "nav_profile"});
  return items;
}

bool is_current(std::string_view href, std::string_view path) {
  if (href == "/") return path == "/";
  return path == href || (path.size() > href.size() && path.substr(0, href.size()) == href && path[href.size()] == '/');
}

}  // namespace

void fill_chrome(ctemplate::TemplateDictionary& layout, const http::Request& request, const Page& page,
                 const Views& views) {
  const edge::RequestState& s = edge::state(request);
  if (!s.csrf_token.empty()) layout.SetValue(kCsrfToken, s.csrf_token);
  if (!s.flash.empty()) layout.ShowSection(kSectionFlash), layout.SetValue(kFlash, s.flash);
  if (s.actor) {
    ctemplate::TemplateDictionary* user = layout.AddSectionDictionary(kSectionSignedIn);
    user->SetValue(kUserName, s.actor->display_name);
    user->SetValue(kUserRole, std::string(service::role_label_da(s.actor->role)));
    for (const NavItem& item : nav_for(*s.actor)) {
      ctemplate::TemplateDictionary* nav = layout.AddSectionDictionary(kSectionNav);
      nav->SetValue(kHref, std::string(item.href));
      nav->SetValue(kLabel, views.t(item.label_key));
      if (is_current(item.href, request.path)) nav->ShowSection(kSectionCurrent);
    }
  } else {
    layout.ShowSection(kSectionSignedOut);
  }
  if (!page.breadcrumbs.empty()) {
    ctemplate::TemplateDictionary* crumbs = layout.AddSectionDictionary("BREADCRUMBS");
    for (const Breadcrumb& b : page.breadcrumbs) {
      ctemplate::TemplateDictionary* crumb = crumbs->AddSectionDictionary("CRUMB");
      crumb->SetValue("label", b.label);
      if (b.href.empty()) {
        crumb->ShowSection("CURRENT");
      } else {
        crumb->AddSectionDictionary("LINK")->SetValue("href", b.href);
      }
    }
  }
}

}  // namespace samspil::web
