#pragma once
// Single-use password-reset tokens (table password_resets): only the SHA-256 of the token.
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace samspil::storage {

struct PasswordResetRow {
  std::string token_hash;
  std::string tenant;
  std::string user_id;
  std::int64_t created_at_ms = 0;
  std::int64_t expires_at_ms = 0;
  std::optional<std::int64_t> used_at_ms;
};

// Inserts a reset token.
void insert_password_reset(Connection& conn, const PasswordResetRow& row);
// The reset with this token hash, if any.
std::optional<PasswordResetRow> find_password_reset(Connection& conn, const std::string& token_hash);
// Marks it used unless it already was; true when this call used it (one winner under races).
bool use_password_reset(Connection& conn, const std::string& token_hash, std::int64_t now_ms);
// Marks every unused reset of the user used (a new passphrase makes older links void).
void void_password_resets_of_user(Connection& conn, const std::string& tenant, const std::string& user_id,
                                  std::int64_t now_ms);

}  // namespace samspil::storage
