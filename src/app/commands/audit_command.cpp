#include "app/commands/audit_command.hpp"

#include <iostream>
#include <memory>
#include <optional>

#include "app/cli_support.hpp"
#include "app/database_setup.hpp"
#include "service/audit/audit_chain.hpp"

namespace samspil::app {

namespace {

struct VerifyOptions {
  std::string database_url;
  std::string tenant;
};

void run_verify(const VerifyOptions& o) {
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::require_current, 1);
  service::audit::VerifyResult r;
  try {
    r = service::audit::verify_chains(*db, o.tenant.empty() ? std::nullopt : std::optional<std::string>(o.tenant));
  } catch (const storage::DatabaseError& e) {
    throw CommandError(std::string("database error: ") + e.what());
  }
  if (!r.ok) {
    // Exit 1 with the first broken entry; entries before it were verified.
    throw CommandError("audit: chain broken for municipality " + r.tenant + " at seq " + std::to_string(r.seq) +
                       ": " + r.what + " (" + std::to_string(r.entries) + " entries before it verified)");
  }
  std::cout << "audit: " << r.entries << " entries verified for " << r.tenants << " municipalities\n";
}

}  // namespace

void add_audit_commands(CLI::App& app) {
  CLI::App* audit = app.add_subcommand("audit", "The access log (audit)");
  audit->require_subcommand(1);
  auto options = std::make_shared<VerifyOptions>();
  CLI::App* verify = audit->add_subcommand(
      "verify", "Recompute every municipality's hash chain; exit 1 naming the first edited or missing entry");
  add_database_option(verify, options->database_url);
  verify->add_option("--tenant", options->tenant, "Only this municipality (tenant id)");
  verify->callback([options] { run_verify(*options); });
}

}  // namespace samspil::app
