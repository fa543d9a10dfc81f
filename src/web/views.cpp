#include "web/views.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "web/navigation.hpp"
#include "web/request_state.hpp"

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

// The assets every page links to, as layout values {{asset_<name>}}.
constexpr std::pair<std::string_view, std::string_view> kLayoutAssets[] = {
    {"asset_dkfds_css", "vendor/dkfds/css/dkfds.min.css"},
    {"asset_dkfds_js", "vendor/dkfds/js/dkfds.min.js"},
    {"asset_samspil_css", "css/samspil.css"},
    {"asset_samspil_js", "js/samspil.js"},
    {"asset_favicon", "img/favicon.svg"},
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

}  // namespace

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
  // One locale per process for now: the texts are template-global values, so every
  // template and include sees {{t_key}} without copying them per render.
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
    if (!m_cache->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES)) {
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
  layout.SetValue("page_title", title);
  for (const auto& [name, path] : kLayoutAssets) layout.SetValue(std::string(name), asset_url(path));
  fill_chrome(layout, request, page, *this);
  ctemplate::TemplateDictionary* body = layout.AddIncludeDictionary("CONTENT");
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
