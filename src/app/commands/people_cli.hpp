#pragma once
// Pieces shared by the user and token sub-commands: the --tenant option and the actor the
// command line acts as (an administrator of that municipality, without a user id).
#include <CLI/CLI.hpp>
#include <string>

#include "service/base/actor.hpp"
#include "service/base/errors.hpp"

namespace samspil::app {

// Adds --tenant (env SAMSPIL_TENANT, default "demo").
void add_tenant_option(CLI::App* cmd, std::string& tenant);
// The actor for a command on this municipality (recorded in the access log as role administrator, no user).
service::Actor cli_actor(const std::string& tenant);
// One line with every field message of a validation error.
std::string describe(const service::Invalid& e);

}  // namespace samspil::app
