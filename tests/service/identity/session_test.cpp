// Sessions, log-in throttling, password-reset tokens and TOTP replay on both engines, through
// the services the web layer calls (issue 4).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "crypto/field_cipher.hpp"
#include "crypto/password.hpp"
#include "crypto/totp.hpp"
#include "service/base/errors.hpp"
#include "service/identity/login.hpp"
#include "service/identity/password_reset.hpp"
#include "service/identity/sessions.hpp"
#include "service/identity/totp_factor.hpp"
#include "storage/actor_store.hpp"
#include "storage/migrations.hpp"
#include "storage/session_store.hpp"
#include "storage/tenant_store.hpp"
#include "storage/user_store.hpp"
#include "test_database.hpp"
#include "source_dir.hpp"

namespace samspil::storage::testing {
namespace {

namespace sessions = service::sessions;
namespace login = service::login;
namespace reset = service::password_reset;

// The lifetimes and limits every call gets explicitly, as the server hands over Config's.
const sessions::Policy kPolicy{};
const login::Limits kLimits{};

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kT0 = 1'800'000'000'000;  // an arbitrary "now" in ms
const std::string kPassword = "en lang nok adgangskode";

class IdentityTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    migrate(*m_db, load_migrations(std::filesystem::path(samspil::test::source_dir()) / "migrations", GetParam()));
    const std::string hash = crypto::hash_password(kPassword);
    m_db->transaction([&](Connection& c) {
      insert_tenant(c, {"a", "Kommune A", 1});
      insert_user(c, {"u1", "a", "pia@a.invalid", "Pia", hash, "professional", 1});
      insert_user(c, {"u2", "a", "ole@a.invalid", "Ole", hash, "professional", 1});
      insert_user(c, {"adm", "a", "admin@a.invalid", "Admin", hash, "administrator", 1});
    });
  }

  sessions::Started start(const std::string& user, std::int64_t at, bool pending = false) {
    return m_db->transaction(
        [&](Connection& c) { return sessions::start(c, "a", user, "password", pending, at, kPolicy); });
  }
  std::optional<sessions::Session> resolve(const std::string& token, std::int64_t at) {
    return m_db->transaction([&](Connection& c) { return sessions::resolve(c, token, at, kPolicy); });
  }
  login::Result attempt(const std::string& email, const std::string& password, std::int64_t at,
                        const std::string& address = "addr-1") {
    return login::Accounts(*m_db, kLimits, kPolicy).sign_in_with_password({"a", email, password, address, "req"}, at);
  }
};

TEST_P(IdentityTest, StartStoresOnlyTheHashAndResolves) {
  const auto s = start("u1", kT0);
  EXPECT_EQ(s.token.size(), 43u);
  EXPECT_NE(s.token, s.csrf_token);
  const auto row = m_db->transaction([&](Connection& c) { return find_session(c, s.token); });
  EXPECT_FALSE(row.has_value()) << "the raw token must not be the key";
  const auto resolved = resolve(s.token, kT0 + 1);
  ASSERT_TRUE(resolved.has_value());
  EXPECT_EQ(resolved->user_id, "u1");
  EXPECT_EQ(resolved->csrf_token, s.csrf_token);
  EXPECT_EQ(resolved->id_hash, sessions::hash_token(s.token));
  EXPECT_FALSE(resolve("no-such-token", kT0).has_value());
}

TEST_P(IdentityTest, IdleExpiryAndTouchAtMostOncePerMinute) {
  const auto s = start("u1", kT0);
  // Used after 20 minutes: alive, and the use counts (a minute has passed since the last write).
  auto r = resolve(s.token, kT0 + 20 * kMinute);
  ASSERT_TRUE(r);
  m_db->transaction([&](Connection& c) { sessions::touch(c, *r, kT0 + 20 * kMinute, kPolicy); });
  // 20 s later: touch does not write again.
  r = resolve(s.token, kT0 + 20 * kMinute + 20'000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->last_seen_at_ms, kT0 + 20 * kMinute);
  m_db->transaction([&](Connection& c) { sessions::touch(c, *r, kT0 + 20 * kMinute + 20'000, kPolicy); });
  EXPECT_EQ(resolve(s.token, kT0 + 20 * kMinute + 30'000)->last_seen_at_ms, kT0 + 20 * kMinute);
  // 30 minutes after the last use: gone, and deleted on the way.
  EXPECT_TRUE(resolve(s.token, kT0 + 49 * kMinute));
  EXPECT_FALSE(resolve(s.token, kT0 + 50 * kMinute));
  EXPECT_FALSE(m_db->transaction([&](Connection& c) { return find_session(c, sessions::hash_token(s.token)); }));
}

TEST_P(IdentityTest, AbsoluteExpiryEvenWhenUsed) {
  const auto s = start("u1", kT0);
  std::int64_t at = kT0;
  for (int i = 0; i < 12 * 4 - 1; ++i) {  // every 15 minutes for almost 12 hours
    at += 15 * kMinute;
    auto r = resolve(s.token, at);
    ASSERT_TRUE(r) << "ended early at step " << i;
    m_db->transaction([&](Connection& c) { sessions::touch(c, *r, at, kPolicy); });
  }
  EXPECT_FALSE(resolve(s.token, kT0 + 12 * 60 * kMinute));
}

TEST_P(IdentityTest, EndAllForUserEndsOnlyThatUsersSessions) {
  const auto a = start("u1", kT0), b = start("u1", kT0), other = start("u2", kT0);
  EXPECT_EQ(m_db->transaction([&](Connection& c) { return sessions::end_all_for_user(c, "a", "u1"); }), 2);
  EXPECT_FALSE(resolve(a.token, kT0 + 1));
  EXPECT_FALSE(resolve(b.token, kT0 + 1));
  EXPECT_TRUE(resolve(other.token, kT0 + 1));
}

TEST_P(IdentityTest, FlashIsShownOnceAndSecondFactorRotatesTheId) {
  const auto s = start("u1", kT0, /*pending=*/true);
  auto r = resolve(s.token, kT0);
  ASSERT_TRUE(r && r->pending_second_factor);
  m_db->transaction([&](Connection& c) { sessions::set_flash(c, r->id_hash, "Gemt"); });
  r = resolve(s.token, kT0);
  EXPECT_EQ(m_db->transaction([&](Connection& c) { return sessions::take_flash(c, *r); }), "Gemt");
  r = resolve(s.token, kT0);
  EXPECT_FALSE(m_db->transaction([&](Connection& c) { return sessions::take_flash(c, *r); }));
  const auto done = m_db->transaction(
      [&](Connection& c) { return sessions::complete_second_factor(c, *r, "password+totp", kT0, kPolicy); });
  EXPECT_NE(done.token, s.token);
  EXPECT_FALSE(resolve(s.token, kT0));
  const auto full = resolve(done.token, kT0);
  ASSERT_TRUE(full);
  EXPECT_FALSE(full->pending_second_factor);
  EXPECT_THROW(m_db->transaction([&](Connection& c) { sessions::complete_second_factor(c, *r, "x", kT0, kPolicy); }),
               service::Forbidden);
}

TEST_P(IdentityTest, PurgeDeletesExpiredSessions) {
  const auto old = start("u1", kT0);
  const auto fresh = start("u2", kT0 + 10 * kMinute);
  EXPECT_EQ(m_db->transaction([&](Connection& c) { return sessions::purge_expired(c, kT0 + 35 * kMinute, kPolicy); }),
            1);
  auto stored = [&](const sessions::Started& s) {
    return m_db->transaction([&](Connection& c) { return find_session(c, sessions::hash_token(s.token)).has_value(); });
  };
  EXPECT_FALSE(stored(old));
  EXPECT_TRUE(stored(fresh));
  // Every new session purges expired ones on the way, without a scheduler.
  start("u1", kT0 + 60 * kMinute);
  EXPECT_FALSE(stored(fresh));
}

TEST_P(IdentityTest, DisabledUserHasNoActor) {
  EXPECT_TRUE(m_db->transaction([&](Connection& c) { return sessions::load_actor(c, "a", "u1"); }));
  m_db->transaction([&](Connection& c) { c.query("UPDATE users SET disabled_at = 5 WHERE id = 'u1'"); });
  EXPECT_FALSE(m_db->transaction([&](Connection& c) { return sessions::load_actor(c, "a", "u1"); }));
  EXPECT_EQ(attempt("pia@a.invalid", kPassword, kT0).outcome, login::Outcome::refused);
}

TEST_P(IdentityTest, PasswordLogInAndAdministratorMustSetUpTotp) {
  auto r = attempt("pia@a.invalid", kPassword, kT0);
  EXPECT_EQ(r.outcome, login::Outcome::signed_in);
  EXPECT_TRUE(resolve(r.session.token, kT0));
  EXPECT_EQ(attempt("PIA@a.invalid", "wrong password!", kT0).outcome, login::Outcome::refused);
  EXPECT_EQ(attempt("nobody@a.invalid", kPassword, kT0).outcome, login::Outcome::refused);
  r = attempt("admin@a.invalid", kPassword, kT0);
  EXPECT_EQ(r.outcome, login::Outcome::totp_setup_due);
  EXPECT_TRUE(resolve(r.session.token, kT0)->pending_second_factor);
}

TEST_P(IdentityTest, AccountLocksAfterFiveFailuresForFifteenMinutes) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(attempt("pia@a.invalid", "wrong", kT0 + i).outcome, login::Outcome::refused);
  EXPECT_EQ(attempt("pia@a.invalid", "wrong", kT0 + 5).outcome, login::Outcome::locked);
  // The right password from another address is refused while the account is locked.
  EXPECT_EQ(attempt("pia@a.invalid", kPassword, kT0 + kMinute, "addr-2").outcome, login::Outcome::locked);
  EXPECT_EQ(attempt("ole@a.invalid", kPassword, kT0 + kMinute, "addr-2").outcome, login::Outcome::signed_in);
  EXPECT_EQ(attempt("pia@a.invalid", kPassword, kT0 + 15 * kMinute + 5, "addr-2").outcome, login::Outcome::signed_in);
  // Failures and the lock are in the access log.
  const auto failures = m_db->transaction([&](Connection& c) {
    return c.query("SELECT COUNT(*) FROM audit_log WHERE tenant = 'a' AND action = 'sign_in_failed'").rows[0].integer(0);
  });
  EXPECT_GE(failures, 6);
}

TEST_P(IdentityTest, AddressLocksAfterTwentyFailuresAcrossAccounts) {
  for (int i = 0; i < 20; ++i) attempt("guess" + std::to_string(i) + "@a.invalid", "wrong", kT0 + i);
  EXPECT_EQ(attempt("ole@a.invalid", kPassword, kT0 + 100).outcome, login::Outcome::locked);
  EXPECT_EQ(attempt("ole@a.invalid", kPassword, kT0 + 100, "addr-other").outcome, login::Outcome::signed_in);
  EXPECT_EQ(attempt("ole@a.invalid", kPassword, kT0 + 16 * kMinute).outcome, login::Outcome::signed_in);
}

std::string reset_token_from_outbox(Database& db) {
  const auto payload = db.transaction([](Connection& c) {
    return c.query("SELECT payload FROM jobs WHERE kind = 'mail.send' ORDER BY id DESC").rows.at(0).text(0);
  });
  const auto text = nlohmann::json::parse(payload).at("text").get<std::string>();
  const auto at = text.find("token=");
  EXPECT_NE(at, std::string::npos) << text;
  if (at == std::string::npos) return "";
  const auto end = text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", at + 6);
  return text.substr(at + 6, end - at - 6);
}

TEST_P(IdentityTest, ResetTokenIsSingleUseEndsSessionsAndExpires) {
  const auto session = start("u1", kT0);
  reset::Resets(*m_db).request_reset({"a", "nobody@a.invalid", "https://x", "req"}, kT0);
  EXPECT_EQ(m_db->transaction([](Connection& c) { return c.query("SELECT COUNT(*) FROM jobs").rows[0].integer(0); }), 0);
  reset::Resets(*m_db).request_reset({"a", "pia@a.invalid", "https://x", "req"}, kT0);
  const std::string token = reset_token_from_outbox(*m_db);
  EXPECT_EQ(reset::Resets(*m_db).check(token, kT0 + 1), reset::TokenState::valid);
  EXPECT_THROW(reset::Resets(*m_db).complete(token, "kort", "kort", "req", kT0 + 1), service::Invalid);
  EXPECT_THROW(reset::Resets(*m_db).complete(token, kPassword + "!", kPassword + "?", "req", kT0 + 1), service::Invalid);
  reset::Resets(*m_db).complete(token, "helt ny adgangskode", "helt ny adgangskode", "req", kT0 + 2);
  EXPECT_FALSE(resolve(session.token, kT0 + 3));
  EXPECT_EQ(reset::Resets(*m_db).check(token, kT0 + 3), reset::TokenState::used);
  EXPECT_THROW(reset::Resets(*m_db).complete(token, "endnu en adgangskode", "endnu en adgangskode", "req", kT0 + 3),
               service::Conflict);
  EXPECT_EQ(attempt("pia@a.invalid", "helt ny adgangskode", kT0 + 4).outcome, login::Outcome::signed_in);
  EXPECT_EQ(attempt("pia@a.invalid", kPassword, kT0 + 5).outcome, login::Outcome::refused);
  // A second link expires after 30 minutes.
  reset::Resets(*m_db).request_reset({"a", "ole@a.invalid", "https://x", "req"}, kT0);
  const std::string late = reset_token_from_outbox(*m_db);
  EXPECT_EQ(reset::Resets(*m_db).check(late, kT0 + 30 * kMinute), reset::TokenState::expired);
  EXPECT_THROW(reset::Resets(*m_db).complete(late, "helt ny adgangskode", "helt ny adgangskode", "req", kT0 + 30 * kMinute),
               service::Conflict);
}

TEST_P(IdentityTest, TotpCodeIsNeverAcceptedTwice) {
  crypto::FieldCipher cipher(std::string(32, 'k'));
  const std::int64_t now = kT0;
  // Set up TOTP for u1 through the enrolment, then log in twice with the same code.
  const auto enrolment = service::totp_factor::begin(cipher, "a", "u1", "pia@a.invalid", now);
  const std::string secret = *crypto::totp::base32_decode(enrolment.secret_base32);
  const std::string code = crypto::totp::at(secret, now / 1000);
  EXPECT_EQ(service::totp_factor::SecondFactor(*m_db, kLimits, kPolicy).confirm(cipher, "a", "u1", enrolment.sealed, code, now, "req"),
            service::totp_factor::Verdict::ok);
  // The set-up code itself cannot be used for the next log-in (same step).
  auto first = attempt("pia@a.invalid", kPassword, now + 1000);
  ASSERT_EQ(first.outcome, login::Outcome::totp_due);
  auto pending = resolve(first.session.token, now + 1000);
  auto step = service::totp_factor::SecondFactor(*m_db, kLimits, kPolicy).complete_login(cipher, pending->id_hash, "a", "u1", "", code, now + 1000, "req");
  EXPECT_EQ(step.verdict, service::totp_factor::Verdict::wrong_code);
  // The next step's code works once, then not again.
  const std::string next = crypto::totp::at(secret, now / 1000 + 30);
  step = service::totp_factor::SecondFactor(*m_db, kLimits, kPolicy).complete_login(cipher, pending->id_hash, "a", "u1", "", next, now + 31'000, "req");
  ASSERT_EQ(step.verdict, service::totp_factor::Verdict::ok);
  EXPECT_FALSE(resolve(step.session.token, now + 31'000)->pending_second_factor);
  auto second = attempt("pia@a.invalid", kPassword, now + 32'000);
  pending = resolve(second.session.token, now + 32'000);
  step = service::totp_factor::SecondFactor(*m_db, kLimits, kPolicy).complete_login(cipher, pending->id_hash, "a", "u1", "", next, now + 32'000, "req");
  EXPECT_EQ(step.verdict, service::totp_factor::Verdict::wrong_code);
  // A sealed enrolment of another user is refused.
  const auto foreign = service::totp_factor::begin(cipher, "a", "u2", "ole@a.invalid", now);
  EXPECT_EQ(service::totp_factor::SecondFactor(*m_db, kLimits, kPolicy).confirm(cipher, "a", "u1", foreign.sealed, code, now, "req"),
            service::totp_factor::Verdict::expired);
}

INSTANTIATE_TEST_SUITE_P(Engines, IdentityTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql), engine_name);

}  // namespace
}  // namespace samspil::storage::testing
