#include "app/cli_support.hpp"

#include <cstdlib>

#include "app/model_files.hpp"

namespace samspil::app {

void add_database_option(CLI::App* cmd, std::string& url) {
  cmd->add_option("--database-url", url,
                  "Database: sqlite:///path/file.db or postgresql://user@host:port/db")
      ->envname("SAMSPIL_DATABASE_URL")
      ->default_val("sqlite://var/samspil.db");
}

std::string read_option_file(const std::string& path, const std::string& option) {
  auto text = read_text_file(path);
  if (!text) throw CommandError(option + ": cannot read '" + path + "'");
  return std::move(*text);
}

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("SAMSPIL_DATA_DIR"); env && *env) return env;
  return SAMSPIL_SOURCE_DIR;
}

}  // namespace samspil::app
