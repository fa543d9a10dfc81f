#include "web/views.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "edge/request_state.hpp"
#include "web/navigation.hpp"
#include "web/template_keys.hpp"

namespace samspil::web {

namespace {

constexpr std::string_view kAutoescapePragma = "{{%AUTOESCAPE context=\"HTML\"}}";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, std::string, std::less<>> load_messages(const std::filesystem::path& file) {
  std::map<std::string, std::string, std::less<>> messages;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
  if (!root.IsMap()) throw std::runtime_error(file.string() + ": expected a map of key: text");
  for (const auto& item : root) {
    const auto key = item.first.as<std::string>();
    if (!item.second.IsScalar()) throw std::runtime_error(file.string() + ": " + key + " is not a text");
    messages.emplace(key, item.second.as<std::string>());
  }
  return messages;
}

// The manifest maps plain paths under static/ to their content-hashed copies; a missing
// manifest is normal in a source checkout without scripts/assets, a broken one is an error.
std::map<std::string, std::string, std::less<>> load_manifest(const std::filesystem::path& file) {
  std::map<std::string, std::string, std::less<>> assets;
  if (!std::filesystem::exists(file)) return assets;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read_file(file));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
  if (!doc.is_object()) throw std::runtime_error(file.string() + ": expected an object of plain -> hashed paths");
  const std::filesystem::path dir = file.parent_path();
  for (const auto& [plain, hashed] : doc.items()) {
    if (!hashed.is_string()) throw std::runtime_error(file.string() + ": " + plain + " is not a path");
    // A file edited after scripts/assets ran is newer than its hashed copy: serve the plain
    // name (short caching) rather than a stale copy under a name cached for a year.
    std::error_code ec_plain, ec_hashed;
    const auto plain_time = std::filesystem::last_write_time(dir / plain, ec_plain);
    const auto hashed_time = std::filesystem::last_write_time(dir / hashed.get<std::string>(), ec_hashed);
    if (ec_hashed || (!ec_plain && plain_time > hashed_time)) continue;
    assets.emplace(plain, hashed.get<std::string>());
  }
  return assets;
}

// The layout's own values (static keys: web/template_keys.hpp says why).
SAMSPIL_TEMPLATE_KEY(kPageTitle, "page_title");
SAMSPIL_TEMPLATE_KEY(kContent, "CONTENT");
SAMSPIL_TEMPLATE_KEY(kAssetDkfdsCss, "asset_dkfds_css");
SAMSPIL_TEMPLATE_KEY(kAssetDkfdsJs, "asset_dkfds_js");
SAMSPIL_TEMPLATE_KEY(kAssetSamspilCss, "asset_samspil_css");
SAMSPIL_TEMPLATE_KEY(kAssetSamspilJs, "asset_samspil_js");
SAMSPIL_TEMPLATE_KEY(kAssetFavicon, "asset_favicon");

// The assets every page links to, as layout values {{asset_<name>}}.
const std::pair<const ctemplate::StaticTemplateString*, std::string_view> kLayoutAssets[] = {
    {&kAssetDkfdsCss, "vendor/dkfds/css/dkfds.min.css"},
    {&kAssetDkfdsJs, "vendor/dkfds/js/dkfds.min.js"},
    {&kAssetSamspilCss, "css/samspil.css"},
    {&kAssetSamspilJs, "js/samspil.js"},
    {&kAssetFavicon, "img/favicon.svg"},
};

// ctemplate keeps global values in an arena and leaks a value that is overwritten; a second
// Views in the same process (tests) sets the same texts again, so only changes are written.
void set_global_once(const std::string& name, const std::string& value) {
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> set;
  std::lock_guard lock(mutex);
  auto [it, inserted] = set.try_emplace(name, value);
  if (!inserted && it->second == value) return;
  it->second = value;
  ctemplate::TemplateDictionary::SetGlobalValue(name, value);
}

// ctemplate's HTML escaping (the `:h` modifier), which the AUTOESCAPE pragma applies to HTML
// text and quoted attribute values: the only places templates use {{t_key}}
// (tests/web/templates_check.py refuses it in URL, script and style attributes).
std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': case '\n': case '\v': case '\f': case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string Views::with_texts(std::string_view text, const Messages& messages) {
  static constexpr std::string_view open = "{{t_";
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t pos = 0;
  while (true) {
    const std::size_t start = text.find(open, pos);
    const std::size_t end = start == std::string_view::npos ? start : text.find("}}", start);
    if (end == std::string_view::npos) break;
    const std::string_view key = text.substr(start + open.size(), end - start - open.size());
    const auto it = messages.find(key);
    out.append(text.substr(pos, start - pos));
    // A text holding template markup stays a value: written in, ctemplate would parse it.
    if (it != messages.end() && it->second.find("{{") == std::string::npos) {
      out += html_escape(it->second);
    } else {
      out.append(text.substr(start, end + 2 - start));  // left to ctemplate (and templates_check)
    }
    pos = end + 2;
  }
  out.append(text.substr(pos));
  return out;
}

Views::Views(const std::filesystem::path& templates_dir, const std::filesystem::path& locale_dir,
             const std::filesystem::path& static_dir)
    : m_cache(std::make_unique<ctemplate::TemplateCache>()) {
  m_assets = load_manifest((static_dir.empty() ? templates_dir.parent_path() / "static" : static_dir) /
                           "asset-manifest.json");
  for (const auto& entry : std::filesystem::directory_iterator(locale_dir / "da")) {
    if (entry.path().extension() != ".yaml") continue;
    for (auto& [k, v] : load_messages(entry.path())) {
      if (!m_messages.emplace(k, v).second) throw std::runtime_error(entry.path().string() + ": duplicate key " + k);
    }
  }
  // One locale per process for now. The texts are written into the templates at load time
  // (with_texts); they are also global values for any {{t_key}} built at run time.
  for (const auto& [k, v] : m_messages) set_global_once("t_" + k, v);

  m_cache->SetTemplateRootDirectory(templates_dir.string());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(templates_dir)) {
    if (entry.path().extension() != ".tpl") continue;
    const std::string text = read_file(entry.path());
    // A template without the pragma is not escaped at all (TOOLCHAIN.md): refuse to start.
    if (text.rfind(kAutoescapePragma, 0) != 0) {
      throw std::runtime_error(entry.path().string() + ": must start with " + std::string(kAutoescapePragma));
    }
    const std::string name = std::filesystem::relative(entry.path(), templates_dir).string();
    // The texts are written into the template before ctemplate parses it: a {{t_key}} left
    // to ctemplate costs a lookup through every enclosing dictionary and then the global
    // one under ctemplate's process-wide lock, ~50 times per page (bench/RESULTS.md).
    if (!m_cache->StringToTemplateCache(name, with_texts(text, m_messages), ctemplate::STRIP_BLANK_LINES)) {
      throw std::runtime_error(entry.path().string() + ": template does not parse");
    }
  }
  m_cache->Freeze();
}

Views::~Views() = default;

const std::string& Views::t(std::string_view key) const {
  static thread_local std::string missing;
  const auto it = m_messages.find(key);
  if (it != m_messages.end()) return it->second;
  missing = key;
  return missing;
}

std::string Views::asset_url(std::string_view plain_path) const {
  const auto it = m_assets.find(plain_path);
  return "/static/" + (it != m_assets.end() ? it->second : std::string(plain_path));
}

std::string Views::expand(const std::string& template_name, const Fill& fill) const {
  ctemplate::TemplateDictionary dict("fragment");
  if (fill) fill(dict);
  std::string out;
  if (!m_cache->ExpandWithData(template_name, ctemplate::STRIP_BLANK_LINES, &dict, nullptr, &out)) {
    throw std::runtime_error("template " + template_name + " failed to expand");
  }
  return out;
}

http::Response Views::render(const http::Request& request, const Page& page, const Fill& fill) const {
  ctemplate::TemplateDictionary layout("layout");
  const std::string title = (page.has_errors ? t("title_error_prefix") : std::string()) + page.title;
  layout.SetValue(kPageTitle, title);
  for (const auto& [name, path] : kLayoutAssets) layout.SetValue(*name, asset_url(path));
  fill_chrome(layout, request, page, *this);
  ctemplate::TemplateDictionary* body = layout.AddIncludeDictionary(kContent);
  body->SetFilename(page.body_template);
  if (fill) fill(*body);
  std::string out;
  if (!m_cache->ExpandWithData("layout.tpl", ctemplate::STRIP_BLANK_LINES, &layout, nullptr, &out)) {
    throw std::runtime_error("template " + page.body_template + " failed to expand");
  }
  http::Response response = http::Response::html(page.has_errors ? 422 : page.status, std::move(out));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace samspil::web
