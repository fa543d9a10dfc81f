#pragma once
// A guardian's extract of the access log: who (unit and role, never the employee's name)
// read or changed data about their children, when, and why. Reading it is itself logged.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::access_log {

struct Item {
  std::int64_t at_ms = 0;
  std::string at_iso;   // Copenhagen time with offset, "2027-04-01T09:00:00+02:00"
  std::string at_text;  // for pages: "01.04.2027 kl. 09.00"
  std::string child_id;
  std::string child_first_name;
  std::string unit_name;     // "" when the actor had no unit (system, anonymous)
  std::string role;          // code: "professional", "system", …
  std::string role_label;    // Danish: "Fagperson", "System", …
  std::string action;        // code: "read", "change", …
  std::string action_label;  // Danish: "Læst", "Ændret", …
  std::string object_type;   // code: "child", "case", …
  std::string object_label;  // Danish: "Barnets oplysninger", …
  std::string purpose;       // Danish, as recorded
};

struct Extract {
  std::vector<Item> items;  // newest first
  int page = 1;             // 1-based
  int page_count = 1;       // at least 1
  std::int64_t total = 0;
};

inline constexpr int kPageSize = 50;

// The access-log use cases, built once in service::Services (member `access_logs`).
class AccessLog {
 public:
  explicit AccessLog(storage::Database& db) : m_db(db) {}

  // The guardian's extract, page by page; Forbidden for anyone but a guardian. Records the
  // reading in the access log (after reading, so it does not list itself).
  Extract guardian_extract(const Actor& actor, int page, int page_size, std::int64_t now_ms);

 private:
  storage::Database& m_db;
};

// Danish label of an action code ("read" → "Læst"); the code itself when unknown.
std::string action_label_da(std::string_view action);
// Danish label of an actor role code, including "system" and "anonymous".
std::string role_label_da(std::string_view role);
// Danish label of an object type code ("child" → "Barnets oplysninger").
std::string object_label_da(std::string_view object_type);

}  // namespace samspil::service::access_log
