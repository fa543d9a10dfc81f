#pragma once
// Page rendering with ctemplate: every template under templates/ is parsed once at start-up
// into a frozen cache (thread-safe, no locks while serving) and expanded into the base
// layout. Templates are logic-less; handlers build the dictionaries. Every UI string comes
// from locale/da/*.yaml and is available in every template as {{t_<key>}}. Rendered pages
// are sent with Cache-Control: no-store (they carry the user's name and a CSRF token).
#include <ctemplate/template.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace samspil::web {

struct Breadcrumb {
  std::string label;
  std::string href;  // "" for the current page (the last crumb)
};

struct Page {
  std::string title = {};     // the page's own title; " - Samspil" is added, "Fejl: " on errors
  std::string body_template = {};  // e.g. "login.tpl"
  std::vector<Breadcrumb> breadcrumbs = {};
  bool has_errors = false;    // a form failed validation: "Fejl: " in the title, status 422
  int status = 200;           // used when has_errors is false (error pages: 403, 404, …)
};

using Fill = std::function<void(ctemplate::TemplateDictionary& body)>;

class Views {
 public:
  // Loads every *.tpl under templates_dir and the Danish locale; throws std::runtime_error
  // naming the file on any error (missing AUTOESCAPE pragma included). Reads the asset
  // manifest (static_dir/asset-manifest.json, written by scripts/assets) when present;
  // static_dir defaults to the "static" sibling of templates_dir.
  Views(const std::filesystem::path& templates_dir, const std::filesystem::path& locale_dir,
        const std::filesystem::path& static_dir = {});
  ~Views();
  Views(const Views&) = delete;
  Views& operator=(const Views&) = delete;

  // Renders page.body_template inside the layout. The layout reads the actor, CSRF token
  // and flash from the request's state; fill adds the page's own values.
  http::Response render(const http::Request& request, const Page& page, const Fill& fill) const;
  // Expands one template on its own (e-mail bodies, fragments); for tests and mail.
  std::string expand(const std::string& template_name, const Fill& fill) const;
  // The Danish text for a locale key; the key itself when missing (and tests catch that).
  const std::string& t(std::string_view key) const;
  // The URL of a static asset by its plain path under static/ ("css/samspil.css"): the
  // content-hashed name from the manifest when there is one (cached for a year), else the plain name.
  std::string asset_url(std::string_view plain_path) const;
  using Messages = std::map<std::string, std::string, std::less<>>;
  // All locale keys (for tests).
  const Messages& messages() const { return m_messages; }
  // The template text with every {{t_key}} that messages has replaced by its text, escaped
  // as ctemplate's HTML autoescaping would (public for tests).
  static std::string with_texts(std::string_view text, const Messages& messages);

 private:
  std::unique_ptr<ctemplate::TemplateCache> m_cache;
  Messages m_messages;
  std::map<std::string, std::string, std::less<>> m_assets;  // plain path -> hashed path
};

}  // namespace samspil::web
