#pragma once
// Consents per guardian (migration 0005). Rows are never deleted: a withdrawal sets
// withdrawn_at, so the history of what was lawful when stays (X1).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct ConsentRow {
  std::string id;
  std::string tenant;
  std::string child_id;
  std::string guardian_id;
  std::string scope;
  std::string purpose;
  std::string parties;
  std::int64_t given_at_ms = 0;
  std::string source;              // portal or paper
  std::string scan_attachment_id;  // "" when none
  std::optional<std::int64_t> expires_at_ms;
  std::optional<std::int64_t> withdrawn_at_ms;
  std::string recorded_by;
  std::int64_t created_at_ms = 0;
};

// Inserts a consent.
void insert_consent(Connection& conn, const ConsentRow& consent);
// The consent with this id in the tenant, if any.
std::optional<ConsentRow> find_consent(Connection& conn, const std::string& tenant, const std::string& id);
// Every consent about the child, oldest first.
std::vector<ConsentRow> consents_of_child(Connection& conn, const std::string& tenant, const std::string& child_id);
// Sets withdrawn_at unless already withdrawn; false when not found or already withdrawn.
bool withdraw_consent(Connection& conn, const std::string& tenant, const std::string& id, std::int64_t at_ms);

}  // namespace samspil::storage
