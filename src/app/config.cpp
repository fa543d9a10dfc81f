#include "app/config.hpp"

#include <cstdlib>
#include <sstream>

#include "app/cli_support.hpp"
#include "crypto/field_cipher.hpp"
#include "service/agreements/records_export.hpp"

namespace samspil::app {

void add_config_options(CLI::App* cmd, Config& c) {
  add_database_option(cmd, c.database_url);
  cmd->add_option("--listen", c.listen, "Address to listen on, HOST:PORT")
      ->envname("SAMSPIL_LISTEN")->capture_default_str();
  cmd->add_flag("--migrate", c.migrate, "Apply pending database migrations before serving")
      ->envname("SAMSPIL_MIGRATE");
  cmd->add_option("--body-limit", c.body_limit, "Largest request body in bytes")
      ->envname("SAMSPIL_BODY_LIMIT")->capture_default_str();
  cmd->add_option("--header-limit", c.header_limit, "Largest request header block in bytes")
      ->envname("SAMSPIL_HEADER_LIMIT")->capture_default_str();
  cmd->add_option("--read-timeout-ms", c.read_timeout_ms, "Time a client has to send a whole request")
      ->envname("SAMSPIL_READ_TIMEOUT_MS")->capture_default_str();
  cmd->add_option("--idle-timeout-ms", c.idle_timeout_ms, "Keep-alive connections idle longer are closed")
      ->envname("SAMSPIL_IDLE_TIMEOUT_MS")->capture_default_str();
  cmd->add_option("--shutdown-grace-ms", c.shutdown_grace_ms, "On SIGTERM, time in-flight requests get to finish")
      ->envname("SAMSPIL_SHUTDOWN_GRACE_MS")->capture_default_str();
  cmd->add_option("--io-threads", c.io_threads, "Threads doing network I/O")
      ->envname("SAMSPIL_IO_THREADS")->capture_default_str();
  cmd->add_option("--worker-threads", c.worker_threads, "Threads running request handlers (database work)")
      ->envname("SAMSPIL_WORKER_THREADS")->capture_default_str();
  cmd->add_option("--db-pool-size", c.db_pool_size, "Database connections in the pool")
      ->envname("SAMSPIL_DB_POOL_SIZE")->capture_default_str();
  cmd->add_option("--job-workers", c.job_workers, "Background job threads in this process (0 = none)")
      ->envname("SAMSPIL_JOB_WORKERS")->capture_default_str();
  cmd->add_option("--secure-cookies", c.secure_cookies,
                  "Mark cookies Secure (turn off only for plain-HTTP local runs)")
      ->envname("SAMSPIL_SECURE_COOKIES")->capture_default_str();
  cmd->add_option("--log-level", c.log_level, "trace, debug, info, warn, error")
      ->envname("SAMSPIL_LOG_LEVEL")->capture_default_str();
  cmd->add_option("--data-dir", c.data_dir, "Directory with migrations/, models/, static/, templates/")
      ->envname("SAMSPIL_DATA_DIR");
  cmd->add_option("--oidc-issuer", c.oidc_issuer, "OpenID Connect issuer for staff single sign-on (empty = off)")
      ->envname("SAMSPIL_OIDC_ISSUER");
  cmd->add_option("--oidc-client-id", c.oidc_client_id, "Samspil's client id at the OpenID provider")
      ->envname("SAMSPIL_OIDC_CLIENT_ID");
  cmd->add_option("--oidc-client-secret-file", c.oidc_client_secret_file,
                  "File with the client secret; or set SAMSPIL_OIDC_CLIENT_SECRET")
      ->envname("SAMSPIL_OIDC_CLIENT_SECRET_FILE");
  cmd->add_option("--oidc-redirect-uri", c.oidc_redirect_uri, "Registered redirect URI, ending in /log-ind/sso/callback")
      ->envname("SAMSPIL_OIDC_REDIRECT_URI");
  cmd->add_option("--oidc-user-claim", c.oidc_user_claim,
                  "ID-token claim that identifies the user: email (users.email) or another (users.oidc_subject)")
      ->envname("SAMSPIL_OIDC_USER_CLAIM")->capture_default_str();
  cmd->add_option("--oidc-algorithms", c.oidc_algorithms, "Accepted ID-token algorithms, comma-separated (RS256, ES256)")
      ->envname("SAMSPIL_OIDC_ALGORITHMS")->capture_default_str();
  cmd->add_option("--oidc-tenant", c.oidc_tenant, "Id or name of the municipality that SSO signs into")
      ->envname("SAMSPIL_OIDC_TENANT");
  cmd->add_option("--oidc-clock-skew-seconds", c.oidc_clock_skew_seconds,
                  "Clock difference tolerated when checking ID-token times")
      ->envname("SAMSPIL_OIDC_CLOCK_SKEW_SECONDS")->capture_default_str();
  cmd->add_option("--session-idle-seconds", c.session_idle_seconds, "A session ends after this long without use")
      ->envname("SAMSPIL_SESSION_IDLE_SECONDS")->capture_default_str();
  cmd->add_option("--session-absolute-seconds", c.session_absolute_seconds, "A session ends this long after log-in")
      ->envname("SAMSPIL_SESSION_ABSOLUTE_SECONDS")->capture_default_str();
  cmd->add_option("--login-account-failures", c.login_account_failures,
                  "Failed log-ins for one account before it is locked for a while")
      ->envname("SAMSPIL_LOGIN_ACCOUNT_FAILURES")->capture_default_str();
  cmd->add_option("--login-address-failures", c.login_address_failures,
                  "Failed log-ins from one client address before it is locked for a while")
      ->envname("SAMSPIL_LOGIN_ADDRESS_FAILURES")->capture_default_str();
  cmd->add_option("--login-lockout-seconds", c.login_lockout_seconds,
                  "Length of a log-in lock and of the window in which failures count")
      ->envname("SAMSPIL_LOGIN_LOCKOUT_SECONDS")->capture_default_str();
  cmd->add_option("--secret-key-file", c.secret_key_file,
                  "File with the base64 32-byte field key (TOTP secrets); or set SAMSPIL_SECRET_KEY")
      ->envname("SAMSPIL_SECRET_KEY_FILE");
  cmd->add_option("--public-base-url", c.public_base_url, "Public URL of this service, for links in e-mails")
      ->envname("SAMSPIL_PUBLIC_BASE_URL");
  cmd->add_option("--hsts", c.hsts,
                  "Send Strict-Transport-Security: on, off, or auto (on when --public-base-url is https://)")
      ->envname("SAMSPIL_HSTS")->check(CLI::IsMember({"auto", "on", "off"}))->capture_default_str();
  add_mail_options(cmd, c.smtp_url, c.mail_from);
  cmd->add_option("--records-export", c.records_export,
                  "Where final agreements the model files to records go: dir:/path (file drop) or http(s)://… (POST)")
      ->envname("SAMSPIL_RECORDS_EXPORT");
}

void add_mail_options(CLI::App* cmd, std::string& smtp_url, std::string& mail_from) {
  cmd->add_option("--smtp-url", smtp_url, "SMTP server for outgoing mail, e.g. smtp://localhost:25")
      ->envname("SAMSPIL_SMTP_URL");
  cmd->add_option("--mail-from", mail_from, "Sender address of outgoing mail")
      ->envname("SAMSPIL_MAIL_FROM")->capture_default_str();
}

std::string load_secret_key(const Config& c) {
  std::string text;
  if (!c.secret_key_file.empty()) {
    text = read_option_file(c.secret_key_file, "--secret-key-file");
  } else if (const char* env = std::getenv("SAMSPIL_SECRET_KEY"); env && *env) {
    text = env;
  } else {
    return "";
  }
  auto key = crypto::FieldCipher::decode_key_base64(text);
  if (!key) throw CommandError("the secret key must be 32 bytes, base64-encoded (samspil secret-key makes one)");
  return *key;
}

namespace {

bool parse_listen(const std::string& listen, std::string& host, std::uint16_t& port) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= listen.size()) return false;
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string digits = listen.substr(colon + 1);
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 5) return false;
  const long value = std::stol(digits);
  if (value < 0 || value > 65535) return false;
  port = static_cast<std::uint16_t>(value);
  return true;
}

}  // namespace

std::vector<std::string> validate(Config& c) {
  std::vector<std::string> errors;
  if (!parse_listen(c.listen, c.host, c.port)) {
    errors.push_back("--listen: '" + c.listen + "' is not HOST:PORT with a port from 0 to 65535");
  }
  const bool sqlite = c.database_url.rfind("sqlite:", 0) == 0;
  const bool postgres = c.database_url.rfind("postgresql://", 0) == 0 || c.database_url.rfind("postgres://", 0) == 0;
  if (!sqlite && !postgres) {
    errors.push_back("--database-url: must start with sqlite:// or postgresql://");
  }
  if (c.body_limit < 1024 || c.body_limit > 1024ull * 1024 * 1024) {
    errors.push_back("--body-limit: must be between 1024 bytes and 1 GiB");
  }
  if (!service::records_export::valid_target(c.records_export))
    errors.push_back("--records-export: must be dir:/absolute/path or an http(s):// URL");
  if (c.header_limit < 1024 || c.header_limit > 1024 * 1024) {
    errors.push_back("--header-limit: must be between 1024 bytes and 1 MiB");
  }
  auto positive = [&](int value, const char* name, int min, int max) {
    if (value < min || value > max) {
      errors.push_back(std::string(name) + ": must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
  };
  positive(c.read_timeout_ms, "--read-timeout-ms", 100, 600'000);
  positive(c.idle_timeout_ms, "--idle-timeout-ms", 100, 3'600'000);
  positive(c.shutdown_grace_ms, "--shutdown-grace-ms", 0, 600'000);
  positive(c.io_threads, "--io-threads", 1, 256);
  positive(c.worker_threads, "--worker-threads", 1, 1024);
  positive(c.db_pool_size, "--db-pool-size", 1, 1024);
  positive(c.job_workers, "--job-workers", 0, 64);
  positive(c.session_idle_seconds, "--session-idle-seconds", 1, 7 * 24 * 3600);
  positive(c.session_absolute_seconds, "--session-absolute-seconds", 1, 30 * 24 * 3600);
  positive(c.login_account_failures, "--login-account-failures", 1, 1000);
  positive(c.login_address_failures, "--login-address-failures", 1, 100000);
  positive(c.login_lockout_seconds, "--login-lockout-seconds", 1, 7 * 24 * 3600);
  if (!c.oidc_issuer.empty()) {
    const auto allowed_url = [](const std::string& url) {
      return url.rfind("https://", 0) == 0 || url.rfind("http://127.0.0.1", 0) == 0 || url.rfind("http://localhost", 0) == 0;
    };
    if (!allowed_url(c.oidc_issuer)) errors.push_back("--oidc-issuer: must be an https:// URL");
    if (c.oidc_client_id.empty()) errors.push_back("--oidc-client-id: required when --oidc-issuer is set");
    if (!allowed_url(c.oidc_redirect_uri)) errors.push_back("--oidc-redirect-uri: must be an https:// URL");
    if (c.oidc_tenant.empty()) errors.push_back("--oidc-tenant: required when --oidc-issuer is set");
    if (c.oidc_user_claim.empty()) errors.push_back("--oidc-user-claim: must name a claim");
    if (c.oidc_client_secret_file.empty() && !std::getenv("SAMSPIL_OIDC_CLIENT_SECRET")) {
      errors.push_back("--oidc-client-secret-file: required (or SAMSPIL_OIDC_CLIENT_SECRET) when --oidc-issuer is set");
    }
    c.oidc_algorithm_list.clear();
    std::stringstream list(c.oidc_algorithms);
    for (std::string alg; std::getline(list, alg, ',');) {
      if (alg != "RS256" && alg != "ES256") {
        errors.push_back("--oidc-algorithms: '" + alg + "' is not one of RS256, ES256");
      } else {
        c.oidc_algorithm_list.push_back(alg);
      }
    }
    if (c.oidc_algorithm_list.empty()) errors.push_back("--oidc-algorithms: name at least one algorithm");
    if (c.oidc_clock_skew_seconds < 0 || c.oidc_clock_skew_seconds > 600) {
      errors.push_back("--oidc-clock-skew-seconds: must be between 0 and 600");
    }
  }
  static const std::vector<std::string> levels{"trace", "debug", "info", "warn", "error"};
  if (std::find(levels.begin(), levels.end(), c.log_level) == levels.end()) {
    errors.push_back("--log-level: must be one of trace, debug, info, warn, error");
  }
  if (c.data_dir.empty()) c.data_dir = data_dir();
  if (!std::filesystem::is_directory(c.data_dir / "migrations")) {
    errors.push_back("--data-dir: '" + c.data_dir.string() + "' has no migrations/ directory");
  }
  return errors;
}

void load_secret_files_into_env() {
  // Only variables that can hold secrets; the file's content (without trailing newline)
  // becomes the value. A plain variable that is already set wins.
  static const char* secret_vars[] = {"SAMSPIL_DATABASE_URL", "SAMSPIL_SECRET_KEY"};
  for (const char* name : secret_vars) {
    const std::string file_var = std::string(name) + "_FILE";
    const char* path = std::getenv(file_var.c_str());
    if (!path || !*path || std::getenv(name)) continue;
    std::string value = read_option_file(path, file_var);
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
    ::setenv(name, value.c_str(), 0);
  }
}

std::string load_oidc_client_secret(const Config& c) {
  std::string value;
  if (!c.oidc_client_secret_file.empty()) {
    value = read_option_file(c.oidc_client_secret_file, "--oidc-client-secret-file");
  } else if (const char* env = std::getenv("SAMSPIL_OIDC_CLIENT_SECRET")) {
    value = env;
  }
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
  return value;
}

}  // namespace samspil::app
