#include "app/main_command.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/cli_support.hpp"
#include "app/commands/audit_command.hpp"
#include "app/commands/basic_commands.hpp"
#include "app/commands/calendar_command.hpp"
#include "app/commands/jobs_commands.hpp"
#include "app/commands/model_commands.hpp"
#include "app/commands/routes_command.hpp"
#include "app/commands/serve_command.hpp"
#include "app/commands/time_commands.hpp"
#include "app/commands/token_command.hpp"
#include "app/commands/user_command.hpp"
#include "app/config.hpp"

namespace samspil::app {

int run_main(int argc, char** argv) {
  CLI::App app{
      "Samspil: the municipal collaboration model around a child (daycare, school, PPR, health "
      "visitors, social workers and parents).\n"
      "Every option can also be set by its SAMSPIL_* environment variable (shown as [Env: …]);\n"
      "secrets may come from a file named by the variable with _FILE appended.",
      "samspil"};
  app.require_subcommand(1);
  app.set_version_flag("--version", SAMSPIL_VERSION);
  // One config file for every sub-command: TOML with a section per sub-command, e.g.
  // [serve] listen = "0.0.0.0:8080". Flags win over the file, the file over the environment.
  app.set_config("--config", "", "Read options from a TOML file ([serve] section, keys named like the flags)")
      ->envname("SAMSPIL_CONFIG");
  app.fallthrough();  // so `samspil serve --config FILE` works as well as `samspil --config FILE serve`

  add_serve_command(app);
  add_migrate_command(app);
  add_demo_command(app);
  add_model_commands(app);
  add_time_commands(app);
  add_jobs_commands(app);
  add_user_commands(app);
  add_token_commands(app);
  add_audit_commands(app);
  add_routes_command(app);
  add_calendar_commands(app);

  // Every line the program logs is JSON (the messages themselves are JSON objects), in UTC,
  // so log shippers need no parsing rules. The HTTP access log has its own logger.
  spdlog::set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","log":%v})", spdlog::pattern_time_type::utc);

  try {
    load_secret_files_into_env();
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const CommandError& e) {
    std::cerr << "samspil: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "samspil: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace samspil::app
