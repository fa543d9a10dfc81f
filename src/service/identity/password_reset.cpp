#include "service/identity/password_reset.hpp"

#include "crypto/password.hpp"
#include "crypto/random.hpp"
#include "crypto/sha256.hpp"
#include "service/audit/audit.hpp"
#include "service/base/mail_outbox.hpp"
#include "service/identity/login.hpp"
#include "service/identity/sessions.hpp"
#include "storage/actor_store.hpp"
#include "storage/password_reset_store.hpp"
#include "storage/tenant_store.hpp"

namespace samspil::service::password_reset {

namespace {

std::string mail_text(const std::string& link) {
  return "Hej\n\n"
         "Vi har modtaget en anmodning om at nulstille din adgangskode til Samspil.\n\n"
         "Brug dette link inden for 30 minutter. Det virker kun én gang:\n\n" +
         link +
         "\n\n"
         "Har du ikke bedt om at nulstille din adgangskode, kan du se bort fra denne e-mail. "
         "Din adgangskode er ikke ændret.\n\n"
         "Venlig hilsen\nSamspil\n";
}

}  // namespace

void Resets::request_reset(const Request& r, std::int64_t now_ms) const {
  m_db.transaction([&](storage::Connection& conn) {
    if (!storage::find_tenant(conn, r.tenant)) return;
    const auto user = storage::find_credentials_by_email(conn, r.tenant, r.email);
    if (!user || user->disabled) return;
    const auto record = storage::load_actor_record(conn, r.tenant, user->user_id);
    if (!record) return;
    const std::string token = crypto::random_token();
    storage::insert_password_reset(conn, {crypto::sha256_hex(token), r.tenant, user->user_id, now_ms,
                                          now_ms + kValidityMs, std::nullopt});
    std::string base = r.public_base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    mail_outbox::enqueue(conn, r.tenant,
                         {{record->email}, "Nulstil din adgangskode til Samspil",
                          mail_text(base + "/nulstil-adgangskode?token=" + token), {}},
                         now_ms);
    audit::record_system(conn, r.tenant, "anonymous", user->user_id,
                         {audit::Action::change, "user", user->user_id, "", "Nulstilling af adgangskode bestilt", ""},
                         r.request_id, now_ms);
  });
}

TokenState Resets::check(const std::string& token, std::int64_t now_ms) const {
  if (token.empty()) return TokenState::unknown;
  const auto row = m_db.transaction(
      [&](storage::Connection& conn) { return storage::find_password_reset(conn, crypto::sha256_hex(token)); });
  if (!row) return TokenState::unknown;
  if (row->used_at_ms) return TokenState::used;
  if (row->expires_at_ms <= now_ms) return TokenState::expired;
  return TokenState::valid;
}

void Resets::complete(const std::string& token, const std::string& passphrase,
              const std::string& repeated, const std::string& request_id, std::int64_t now_ms) const {
  const TokenState state = check(token, now_ms);
  if (state == TokenState::used) throw Conflict("Linket er allerede brugt. Bestil et nyt link, hvis du stadig skal nulstille din adgangskode.");
  if (state != TokenState::valid) throw Conflict("Linket er ugyldigt eller udløbet. Bestil et nyt link.");
  FieldErrors errors;
  if (const std::string problem = login::passphrase_problem(passphrase); !problem.empty()) {
    errors.emplace("adgangskode", problem);
  } else if (passphrase != repeated) {
    errors.emplace("gentag", "De to adgangskoder er ikke ens.");
  }
  if (!errors.empty()) throw Invalid(errors);
  const std::string hash = crypto::hash_password(passphrase);  // slow: outside the transaction
  m_db.transaction([&](storage::Connection& conn) {
    const std::string token_hash = crypto::sha256_hex(token);
    const auto row = storage::find_password_reset(conn, token_hash);
    // Checked again inside the transaction: of two simultaneous uses, one wins.
    if (!row || row->expires_at_ms <= now_ms || !storage::use_password_reset(conn, token_hash, now_ms)) {
      throw Conflict("Linket er allerede brugt. Bestil et nyt link, hvis du stadig skal nulstille din adgangskode.");
    }
    storage::set_password_hash(conn, row->tenant, row->user_id, hash, now_ms);
    storage::void_password_resets_of_user(conn, row->tenant, row->user_id, now_ms);
    sessions::end_all_for_user(conn, row->tenant, row->user_id);
    const auto c = storage::find_credentials(conn, row->tenant, row->user_id);
    audit::record_system(conn, row->tenant, c ? c->role : "anonymous", row->user_id,
                         {audit::Action::change, "user", row->user_id, "", "Adgangskode nulstillet via e-mail", ""},
                         request_id, now_ms);
  });
}

}  // namespace samspil::service::password_reset
