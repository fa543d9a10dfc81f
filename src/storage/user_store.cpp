#include "storage/user_store.hpp"

namespace samspil::storage {

std::optional<User> find_user_by_email(Connection& conn, const std::string& tenant, const std::string& email) {
  const Result r = conn.query(
      "SELECT id, tenant, email, display_name, password_hash, role, created_at FROM users "
      "WHERE tenant = $1 AND email = $2",
      {tenant, email});
  if (r.rows.empty()) return std::nullopt;
  const Row& row = r.rows.front();
  return User{row.text(0), row.text(1), row.text(2), row.text(3), row.optional_text(4).value_or(""),
              row.text(5), row.integer(6)};
}

void insert_user(Connection& conn, const User& u) {
  conn.query(
      "INSERT INTO users (id, tenant, email, display_name, password_hash, role, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {u.id, u.tenant, u.email, u.display_name, u.password_hash, u.role, u.created_at_ms});
}

}  // namespace samspil::storage
