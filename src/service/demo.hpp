#pragma once
// "Demo Kommune": an obviously fictional municipality for trying Samspil (`samspil demo`).
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::service {

struct DemoLogin {
  std::string role;      // Danish role name for display
  std::string email;
  std::string password;
};

struct DemoResult {
  std::string tenant_id;
  std::string tenant_name;
  bool created = false;  // false when the demo municipality already existed
  std::vector<DemoLogin> logins;
};

// Creates the demo municipality and its log-ins in one transaction; running it again
// changes nothing and returns the same log-ins.
DemoResult create_demo(storage::Database& db, std::int64_t now_ms);

}  // namespace samspil::service
