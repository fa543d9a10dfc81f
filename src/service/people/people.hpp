#pragma once
// Staff and guardians of a municipality: create, change, disable, list; professions (codes
// from models/common/professions.yaml) and unit memberships; guardians linked to children.
// Authorisation here, deny by default: administrators manage their own municipality; a
// unit leader may list (read only) the members of the units they lead; nobody else. Every
// read of a person's data and every change is written to the access log in the same
// transaction.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "service/base/actor.hpp"
#include "storage/database.hpp"

namespace samspil::service::people {

struct ProfessionOption {
  std::string id = {};    // e.g. "ppr_psychologist"
  std::string name = {};  // Danish, e.g. "PPR-psykolog"
};
using ProfessionCatalogue = std::vector<ProfessionOption>;

// Reads the professions list from models/common/professions.yaml; throws std::runtime_error.
ProfessionCatalogue load_professions(const std::filesystem::path& yaml_file);
// Parses the professions list from the YAML text; throws std::runtime_error.
ProfessionCatalogue parse_professions(const std::string& yaml_text);

struct MembershipView {
  std::string unit_id = {};
  std::string unit_name = {};
  bool is_leader = false;
};

struct UserView {
  std::string id = {};
  std::string email = {};
  std::string display_name = {};
  std::string role = {};  // code
  bool disabled = false;
  std::vector<std::string> professions = {};
  std::vector<MembershipView> memberships = {};
  std::int64_t created_at_ms = 0;
};

struct MembershipInput {
  std::string unit_id = {};
  bool is_leader = false;
};

struct NewUser {
  std::string email = {};
  std::string display_name = {};
  std::string role = {};      // code; "guardian" for a parent
  std::string password = {};  // "" = none (single sign-on only, or set later)
  std::vector<std::string> professions = {};
  std::vector<MembershipInput> memberships = {};
};

// A change; absent fields are kept.
struct UserPatch {
  std::optional<std::string> display_name = {};
  std::optional<std::string> role = {};
  std::optional<std::vector<std::string>> professions = {};
  std::optional<std::vector<MembershipInput>> memberships = {};
  std::optional<bool> disabled = {};
  std::optional<std::string> password = {};
};

struct UserQuery {
  std::string role = {};     // "" = every role
  std::string unit_id = {};  // "" = every unit
  std::string cursor = {};
  int limit = 50;
};

struct UserPage {
  std::vector<UserView> users = {};
  std::string next_cursor = {};  // "" on the last page
};

struct ChildLink {
  std::string child_id = {};
  std::string first_name = {};
  std::string last_name = {};
  std::string relation = {};  // parent, foster_parent, other
  bool has_custody = true;
};

struct GuardianView {
  UserView user;
  std::vector<ChildLink> children = {};
};

struct GuardianPage {
  std::vector<GuardianView> guardians = {};
  std::string next_cursor = {};
};

struct LinkInput {
  std::string child_id = {};
  std::string relation = {};
  bool has_custody = true;
};

struct ChildOption {
  std::string id = {};
  std::string name = {};        // "Fornavn Efternavn"
  std::string birth_date = {};  // YYYY-MM-DD
};

// The Danish name of a guardian relation ("Forælder", …).
std::string_view relation_label(std::string_view relation);

// The use cases on staff and guardians, built once in service::Services (member `directory`).
// Those that check professions take the catalogue (models/common/professions.yaml) per call.
class Directory {
 public:
  explicit Directory(storage::Database& db) : m_db(db) {}

  // Creates a user; Invalid (Danish per field) for bad input or an e-mail already in use.
  UserView create_user(const Actor& actor, const ProfessionCatalogue& catalogue, const NewUser& input,
                       std::int64_t now_ms);
  // Changes a user; NotFound outside the actor's municipality.
  UserView update_user(const Actor& actor, const ProfessionCatalogue& catalogue, const std::string& id,
                       const UserPatch& patch, std::int64_t now_ms);
  // One user (an administrator, or the leader of a unit the user belongs to).
  UserView get_user(const Actor& actor, const std::string& id, std::int64_t now_ms);
  // A page of users; a unit leader must filter by a unit they lead.
  UserPage list_users(const Actor& actor, const UserQuery& query, std::int64_t now_ms);

  // A page of guardians with their children.
  GuardianPage list_guardians(const Actor& actor, const std::string& cursor, int limit, std::int64_t now_ms);
  // One guardian with children.
  GuardianView get_guardian(const Actor& actor, const std::string& id, std::int64_t now_ms);
  // Links a guardian to a child (or changes the link); NotFound for an unknown guardian.
  GuardianView link_child(const Actor& actor, const std::string& guardian_id, const LinkInput& input,
                          std::int64_t now_ms);
  // Children to choose from when linking (administrators only; at most `limit`).
  std::vector<ChildOption> children_for_linking(const Actor& actor, int limit, std::int64_t now_ms);

 private:
  storage::Database& m_db;
};

}  // namespace samspil::service::people
