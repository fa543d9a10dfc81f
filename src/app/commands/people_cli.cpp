#include "app/commands/people_cli.hpp"

namespace samspil::app {

void add_tenant_option(CLI::App* cmd, std::string& tenant) {
  tenant = "demo";
  cmd->add_option("--tenant", tenant, "The municipality's id")->envname("SAMSPIL_TENANT")->capture_default_str();
}

service::Actor cli_actor(const std::string& tenant) {
  service::Actor actor;
  actor.tenant = tenant;
  actor.display_name = "samspil (kommandolinje)";
  actor.role = service::Role::administrator;
  actor.request_id = "cli";
  return actor;
}

std::string describe(const service::Invalid& e) {
  std::string out;
  for (const auto& [field, message] : e.fields) {
    if (!out.empty()) out += "; ";
    out += field + ": " + message;
  }
  return out;
}

}  // namespace samspil::app
