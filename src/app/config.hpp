#pragma once
// One typed configuration for `samspil serve`, from flags, SAMSPIL_* environment variables
// and an optional config file, validated at start-up with a clear message per bad value.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace samspil::app {

struct Config {
  std::string database_url;
  std::string listen = "127.0.0.1:8080";
  std::string host;           // derived from listen
  std::uint16_t port = 0;     // derived from listen
  bool migrate = false;       // apply pending migrations before serving
  std::size_t body_limit = 10 * 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  int read_timeout_ms = 10'000;
  int idle_timeout_ms = 60'000;
  int shutdown_grace_ms = 10'000;
  int io_threads = 1;
  int worker_threads = 4;
  int db_pool_size = 8;
  int job_workers = 1;        // background job threads in this process (0 = none)
  bool secure_cookies = true; // off only for plain-HTTP local runs
  std::string log_level = "info";
  std::filesystem::path data_dir;  // migrations/, models/, static/, templates/
  // Sessions and log-in (issue 4).
  int session_idle_seconds = 30 * 60;
  int session_absolute_seconds = 12 * 60 * 60;
  int login_account_failures = 5;       // failed log-ins per account before a lock
  int login_address_failures = 20;      // failed log-ins per client address before a lock
  int login_lockout_seconds = 15 * 60;  // the lock's length and the failures' window
  std::string secret_key_file;          // base64 32-byte field key (else SAMSPIL_SECRET_KEY)
  // E-mail through the outbox (password reset, later meeting invitations).
  std::string smtp_url;                 // smtp://host:port or smtps://…; "" = mail jobs fail and retry
  std::string mail_from = "Samspil <noreply@samspil.invalid>";
  std::string public_base_url;          // e.g. https://samspil.kommune.dk, for links in e-mails
  std::string hsts = "auto";            // on, off, auto = on when public_base_url is https:// (TLS proxy)
  std::string records_export;           // dir:/path or http(s)://… for filed agreements; "" = off
  // Single sign-on with OpenID Connect (issue 4); off while oidc_issuer is empty.
  std::string oidc_issuer;
  std::string oidc_client_id;
  std::string oidc_client_secret_file;  // else SAMSPIL_OIDC_CLIENT_SECRET
  std::string oidc_redirect_uri;        // e.g. https://samspil.kommune.dk/log-ind/sso/callback
  std::string oidc_user_claim = "email";  // "email" matches users.email, others users.oidc_subject
  std::string oidc_algorithms = "RS256,ES256";
  std::vector<std::string> oidc_algorithm_list;  // derived from oidc_algorithms
  std::string oidc_tenant;              // id or name of the municipality SSO signs into
  int oidc_clock_skew_seconds = 60;
};

// Registers every serve option on cmd, bound to config (with env names and defaults).
void add_config_options(CLI::App* cmd, Config& config);
// Checks every value; returns one Danish/English message per bad value (empty = valid),
// and fills the derived fields (host, port).
std::vector<std::string> validate(Config& config);
// Reads *_FILE variants of secret environment variables (e.g. SAMSPIL_DATABASE_URL_FILE)
// into the plain variable when that is unset, so secrets can come from mounted files.
void load_secret_files_into_env();
// The field key from --secret-key-file or SAMSPIL_SECRET_KEY (raw 32 bytes), or "" when
// neither is set; throws CommandError when one is set but is not a base64 32-byte key.
std::string load_secret_key(const Config& config);
// Registers the mail options (--smtp-url, --mail-from) on a command that sends mail.
void add_mail_options(CLI::App* cmd, std::string& smtp_url, std::string& mail_from);

// The OIDC client secret from --oidc-client-secret-file or SAMSPIL_OIDC_CLIENT_SECRET
// ("" when neither); throws CommandError when the file cannot be read.
std::string load_oidc_client_secret(const Config& config);
}  // namespace samspil::app
