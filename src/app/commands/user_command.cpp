// `samspil user add`: an administrator's first log-in, or staff in bulk from a script.
// The passphrase never comes from the command line (visible in ps): --password-file or --password-stdin.
#include "app/commands/user_command.hpp"

#include <iostream>
#include <memory>

#include "app/cli_support.hpp"
#include "app/clock.hpp"
#include "app/commands/people_cli.hpp"
#include "app/database_setup.hpp"
#include "service/people/people.hpp"
#include "storage/tenant_store.hpp"

namespace samspil::app {

namespace {

struct UserAddOptions {
  std::string database_url;
  std::string tenant;
  std::string email;
  std::string name;
  std::string role = "professional";
  std::vector<std::string> units;
  bool leader = false;
  std::vector<std::string> professions;
  std::string password_file;
  bool password_stdin = false;
};

std::string read_password(const UserAddOptions& o) {
  std::string text;
  if (!o.password_file.empty()) {
    text = read_option_file(o.password_file, "--password-file");
  } else if (o.password_stdin) {
    std::getline(std::cin, text);
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

void run_user_add(const UserAddOptions& o) {
  if (!o.password_file.empty() && o.password_stdin) throw CommandError("give --password-file or --password-stdin, not both");
  const std::string password = read_password(o);
  if ((!o.password_file.empty() || o.password_stdin) && password.empty()) throw CommandError("the passphrase is empty");
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::require_current, 1);
  if (!db->transaction([&](storage::Connection& c) { return storage::find_tenant(c, o.tenant).has_value(); })) {
    throw CommandError("no municipality with id '" + o.tenant + "'");
  }
  service::people::NewUser input{o.email, o.name, o.role, password, o.professions, {}};
  for (const auto& unit : o.units) input.memberships.push_back({unit, o.leader});
  try {
    const auto catalogue = service::people::load_professions(data_dir() / "models" / "common" / "professions.yaml");
    const auto user = service::people::Directory(*db).create_user(cli_actor(o.tenant), catalogue, input, now_ms());
    std::cout << user.id << "\n";
    std::cerr << "user created: " << user.email << " (" << user.role << ")\n";
  } catch (const service::Invalid& e) {
    throw CommandError(describe(e));
  } catch (const std::runtime_error& e) {
    throw CommandError(e.what());
  }
}

}  // namespace

void add_user_commands(CLI::App& app) {
  CLI::App* user = app.add_subcommand("user", "Manage users (staff and guardians) of a municipality");
  user->require_subcommand(1);
  auto o = std::make_shared<UserAddOptions>();
  CLI::App* add = user->add_subcommand("add", "Create a user; prints the new user's id");
  add_database_option(add, o->database_url);
  add_tenant_option(add, o->tenant);
  add->add_option("--email", o->email, "E-mail address (the log-in name)")->required();
  add->add_option("--name", o->name, "Display name")->required();
  add->add_option("--role", o->role,
                  "administrator, unit_leader, professional, ppr_district_lead or guardian")->capture_default_str();
  add->add_option("--unit", o->units, "Unit id the user belongs to (repeatable)");
  add->add_flag("--leader", o->leader, "The user leads the units given with --unit");
  add->add_option("--profession", o->professions, "Profession code from models/common/professions.yaml (repeatable)");
  add->add_option("--password-file", o->password_file, "Read the passphrase (at least 12 characters) from this file");
  add->add_flag("--password-stdin", o->password_stdin, "Read the passphrase from the first line of standard input");
  add->callback([o] { run_user_add(*o); });
}

}  // namespace samspil::app
