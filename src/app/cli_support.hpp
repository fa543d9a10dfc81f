#pragma once
// Shared pieces for sub-commands: the --database-url option (env SAMSPIL_DATABASE_URL) and
// where the program's data directories (migrations/, models/, templates/, static/) are.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

namespace samspil::app {

// Adds --database-url (env SAMSPIL_DATABASE_URL; default sqlite://var/samspil.db, relative to the working directory) to cmd.
void add_database_option(CLI::App* cmd, std::string& url);

// The directory holding migrations/, models/, templates/, static/ and locale/: the env
// SAMSPIL_DATA_DIR, else the source tree the binary was built from.
std::filesystem::path data_dir();

// An error a sub-command reports as one clear line and exit code 1.
class CommandError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The whole file an option names (a key, a secret, a password); throws CommandError
// "<option>: cannot read '<path>'" when it cannot be opened or read.
std::string read_option_file(const std::string& path, const std::string& option);

}  // namespace samspil::app
