// `samspil demo`: migrates and creates "Demo Kommune" with its published log-ins.
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/cli_support.hpp"
#include "app/clock.hpp"
#include "app/commands/basic_commands.hpp"
#include "app/database_setup.hpp"
#include "app/demo/demo.hpp"
#include "app/model_files.hpp"
#include "crypto/field_cipher.hpp"

namespace samspil::app {

namespace {

struct DemoOptions {
  std::string database_url;
  std::string secret_key_file;
};

// The field key as `samspil serve` reads it: --secret-key-file, else SAMSPIL_SECRET_KEY
// (base64, 32 bytes); nullptr when neither is given.
std::unique_ptr<crypto::FieldCipher> field_cipher(const std::string& file) {
  std::string text;
  if (!file.empty()) {
    text = read_option_file(file, "--secret-key-file");
  } else if (const char* env = std::getenv("SAMSPIL_SECRET_KEY"); env && *env) {
    text = env;
  } else {
    return nullptr;
  }
  const auto key = crypto::FieldCipher::decode_key_base64(text);
  if (!key) throw CommandError("the secret key must be 32 bytes, base64-encoded");
  return std::make_unique<crypto::FieldCipher>(*key);
}

void run_demo(const DemoOptions& o) {
  const auto cipher = field_cipher(o.secret_key_file);
  auto db = open_database(o.database_url, data_dir(), MigrationPolicy::apply_pending, 1);
  demo::DemoResult demo;
  try {
    const auto models = load_model_registry(data_dir());
    demo = demo::create_demo(*db, now_ms(), cipher.get(), &models);
  } catch (const demo::DemoRefused& e) {
    throw CommandError(e.what());
  }
  std::cout << (demo.created ? "Oprettet: " : "Findes allerede: ") << demo.tenant_name
            << " (fiktiv kommune til afprøvning)\n";
  std::cout << "Demo-log-ins:\n";
  for (const auto& login : demo.logins) {
    std::cout << "  " << login.role << ": " << login.email << " / " << login.password << "\n";
  }
  if (!demo.admin_totp_secret.empty()) {
    std::cout << "Administratorens TOTP-hemmelighed (offentlig, kun til demo): " << demo.admin_totp_secret << "\n"
              << "  otpauth://totp/Samspil:admin%40demo-kommune.invalid?secret=" << demo.admin_totp_secret
              << "&issuer=Samspil\n";
  } else {
    std::cout << "Ingen feltnøgle (--secret-key-file): administratoren opsætter TOTP ved første log-ind.\n";
  }
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "Create the fictional municipality \"Demo Kommune\" with demo log-ins");
  add_database_option(cmd, options->database_url);
  cmd->add_option("--secret-key-file", options->secret_key_file,
                  "File with the base64 32-byte field key (as for serve); else SAMSPIL_SECRET_KEY. "
                  "Seals the administrator's published TOTP secret");
  cmd->callback([options] { run_demo(*options); });
}

}  // namespace samspil::app
