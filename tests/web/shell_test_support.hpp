#pragma once
// A Views over a private copy of templates/ and locale/ plus test-only body templates, so
// tests render through the real layout and partials without adding files to the product.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

#include "web/views.hpp"
#include "source_dir.hpp"

namespace samspil::web::testing {

inline std::filesystem::path make_data_dir(const std::string& manifest_json = {}) {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path dir = fs::temp_directory_path() /
                       ("samspil-shell-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  fs::remove_all(dir);
  fs::create_directories(dir / "static");
  fs::copy(fs::path(samspil::test::source_dir()) / "templates", dir / "templates", fs::copy_options::recursive);
  fs::copy(fs::path(samspil::test::source_dir()) / "locale", dir / "locale", fs::copy_options::recursive);
  std::ofstream(dir / "templates" / "test_form.tpl")
      << "{{%AUTOESCAPE context=\"HTML\"}}{{>STEP_INDICATOR}}{{>ERROR_SUMMARY}}<form method=\"post\" novalidate>{{>CSRF}}"
         "{{>FIELD_NAME}}{{>FIELD_EMAIL}}{{>FIELD_PASSWORD}}{{>FIELD_NOTE}}{{>FIELD_UNIT}}{{>FIELD_CONSENT}}"
         "{{>FIELD_DAYS}}</form>";
  if (!manifest_json.empty()) {
    std::ofstream(dir / "static" / "asset-manifest.json") << manifest_json;
    fs::create_directories(dir / "static" / "css");
    std::ofstream(dir / "static" / "css" / "samspil.0123abcd.css") << "/* hashed copy */";
  }
  return dir;
}

inline std::unique_ptr<Views> make_views(const std::string& manifest_json = {}) {
  const auto dir = make_data_dir(manifest_json);
  return std::make_unique<Views>(dir / "templates", dir / "locale");
}

}  // namespace samspil::web::testing
