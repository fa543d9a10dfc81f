#pragma once
// "Demo Kommune": an obviously fictional municipality for trying Samspil (`samspil demo`).
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::service {

// The demo cannot be created in this database (it already serves a municipality).
class DemoRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

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
// changes nothing and returns the same log-ins. Throws DemoRefused in a database that
// already holds another municipality.
DemoResult create_demo(storage::Database& db, std::int64_t now_ms);

}  // namespace samspil::service
