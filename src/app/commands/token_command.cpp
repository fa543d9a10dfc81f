// `samspil token create|list|revoke`: bearer tokens for integrations. The token is printed
// once on standard output (alone on its line, for scripts); only its SHA-256 is stored.
#include "app/commands/token_command.hpp"

#include <iostream>
#include <memory>

#include "app/cli_support.hpp"
#include "app/clock.hpp"
#include "app/commands/people_cli.hpp"
#include "app/database_setup.hpp"
#include "service/identity/api_tokens.hpp"
#include "storage/token_store.hpp"
#include "storage/user_store.hpp"

namespace samspil::app {

namespace {

struct TokenOptions {
  std::string database_url;
  std::string tenant;
  std::string user_email;
  std::string expires;
  std::string label = "Integration";
  std::string id;
};

std::string user_id_for(storage::Database& db, const std::string& tenant, const std::string& email) {
  auto user = db.transaction([&](storage::Connection& c) { return storage::find_user_by_email(c, tenant, email); });
  if (!user) throw CommandError("no user with that e-mail in municipality '" + tenant + "'");
  return user->id;
}

void run_create(const TokenOptions& o) {
  std::optional<std::int64_t> expires;
  if (!o.expires.empty()) {
    expires = service::api_tokens::expiry_from_date(o.expires);
    if (!expires) throw CommandError("--expires: give a date as YYYY-MM-DD");
  }
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::require_current, 1);
  const std::string user_id = user_id_for(*db, o.tenant, o.user_email);
  try {
    const auto created = service::api_tokens::Tokens(*db).create(cli_actor(o.tenant), {user_id, o.label, expires}, now_ms());
    std::cout << created.secret << "\n";
    std::cerr << "token " << created.token.id << " created"
              << (expires ? " (valid through " + o.expires + ")" : std::string(" (no expiry)"))
              << "; it is shown only this once\n";
  } catch (const service::Invalid& e) {
    throw CommandError(describe(e));
  }
}

void run_list(const TokenOptions& o) {
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::require_current, 1);
  const std::string user_id = o.user_email.empty() ? "" : user_id_for(*db, o.tenant, o.user_email);
  const std::int64_t now = now_ms();
  for (const auto& t : service::api_tokens::Tokens(*db).list(cli_actor(o.tenant), user_id, 500)) {
    const char* status = t.revoked_at_ms ? "revoked" : (t.expires_at_ms && *t.expires_at_ms <= now ? "expired" : "active");
    std::cout << t.id << "\t" << status << "\t" << t.user_email << "\t"
              << (t.expires_at_ms ? service::api_tokens::expiry_date(*t.expires_at_ms) : "-") << "\t" << t.label << "\n";
  }
}

void run_revoke(const TokenOptions& o) {
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::require_current, 1);
  // The id names the token on its own; its municipality is read from the database.
  const auto tenant = db->transaction([&](storage::Connection& c) { return storage::api_token_tenant(c, o.id); });
  if (!tenant) throw CommandError("no token with id '" + o.id + "'");
  service::api_tokens::Tokens(*db).revoke(cli_actor(*tenant), o.id, now_ms());
  std::cout << "token " << o.id << " revoked\n";
}

}  // namespace

void add_token_commands(CLI::App& app) {
  CLI::App* token = app.add_subcommand("token", "API tokens for integrations (Authorization: Bearer)");
  token->require_subcommand(1);

  auto c = std::make_shared<TokenOptions>();
  CLI::App* create = token->add_subcommand("create", "Create a token for a staff user; prints it once");
  add_database_option(create, c->database_url);
  add_tenant_option(create, c->tenant);
  create->add_option("--user", c->user_email, "The user's e-mail address")->required();
  create->add_option("--expires", c->expires, "Last day the token is valid (YYYY-MM-DD, Copenhagen); default none");
  create->add_option("--label", c->label, "What the token is for")->capture_default_str();
  create->callback([c] { run_create(*c); });

  auto l = std::make_shared<TokenOptions>();
  CLI::App* list = token->add_subcommand("list", "List tokens: id, status, user, expiry, label");
  add_database_option(list, l->database_url);
  add_tenant_option(list, l->tenant);
  list->add_option("--user", l->user_email, "Only this user's tokens (e-mail address)");
  list->callback([l] { run_list(*l); });

  auto r = std::make_shared<TokenOptions>();
  CLI::App* revoke = token->add_subcommand("revoke", "Revoke a token at once");
  add_database_option(revoke, r->database_url);
  revoke->add_option("--id", r->id, "The token's id")->required();
  revoke->callback([r] { run_revoke(*r); });
}

}  // namespace samspil::app
