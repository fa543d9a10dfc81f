#include "service/people/people.hpp"

#include <algorithm>
#include <set>

#include "crypto/password.hpp"
#include "crypto/random.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/identity/sessions.hpp"
#include "service/people/people_internal.hpp"
#include "service/people/people_rules.hpp"
#include "storage/unit_store.hpp"
#include "storage/user_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service::people {

namespace detail {

UserView load_view(storage::Connection& conn, const storage::UserRecord& r) {
  UserView v{r.id, r.email, r.display_name, r.role, r.disabled_at_ms.has_value(), {}, {}, r.created_at_ms};
  v.professions = storage::user_professions(conn, r.tenant, r.id);
  for (const auto& m : storage::user_memberships(conn, r.tenant, r.id)) {
    const auto unit = storage::find_unit(conn, r.tenant, m.unit_id);
    v.memberships.push_back({m.unit_id, unit ? unit->name : "", m.is_leader});
  }
  return v;
}

void audit_user(storage::Connection& conn, const Actor& actor, audit::Action action, const std::string& id,
                std::int64_t now_ms, const std::string& criterion) {
  audit::record(conn, actor, admin_entry(action, "user", id, "", criterion), now_ms);
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace detail

namespace {

using detail::audit_user;
using detail::load_view;

void check_role(FieldErrors& errors, const std::string& role) {
  if (!parse_role(role)) errors["role"] = "Vælg en rolle";
}

void check_name(FieldErrors& errors, const std::string& name) {
  if (name.empty()) {
    errors["display_name"] = "Skriv personens navn";
  } else if (name.size() > 200) {
    errors["display_name"] = "Navnet må højst være 200 tegn";
  }
}

void check_professions(FieldErrors& errors, const ProfessionCatalogue& catalogue, const std::vector<std::string>& codes,
                       const std::string& role) {
  for (const auto& code : codes) {
    const bool known = std::any_of(catalogue.begin(), catalogue.end(), [&](const auto& p) { return p.id == code; });
    if (!known) {
      errors["professions"] = "Vælg faggrupper fra listen";
      return;
    }
  }
  if (role == "guardian" && !codes.empty()) errors["professions"] = "En forælder har ingen faggruppe";
}

void check_memberships(FieldErrors& errors, storage::Connection& conn, const std::string& tenant,
                       const std::vector<MembershipInput>& memberships, const std::string& role) {
  std::set<std::string> seen;
  for (const auto& m : memberships) {
    if (!storage::find_unit(conn, tenant, m.unit_id) || !seen.insert(m.unit_id).second) {
      errors["units"] = "Vælg enheder fra listen";
      return;
    }
  }
  if (role == "guardian" && !memberships.empty()) errors["units"] = "En forælder er ikke medlem af en enhed";
}

std::vector<storage::Membership> to_store(const std::vector<MembershipInput>& in) {
  std::vector<storage::Membership> out;
  for (const auto& m : in) out.push_back({m.unit_id, m.is_leader});
  return out;
}

// A unit leader may read the users of the units they lead; administrators everything.
bool may_read_member(const Actor& actor, const UserView& user) {
  if (actor.role == Role::administrator) return true;
  if (!actor.is_staff()) return false;
  return std::any_of(user.memberships.begin(), user.memberships.end(),
                     [&](const MembershipView& m) { return actor.leads(m.unit_id); });
}

}  // namespace

std::string_view relation_label(std::string_view relation) {
  if (relation == "parent") return "Forælder";
  if (relation == "foster_parent") return "Plejeforælder";
  if (relation == "other") return "Anden";
  return relation;
}

UserView Directory::create_user(const Actor& actor, const ProfessionCatalogue& catalogue, const NewUser& input,
                                std::int64_t now_ms) {
  require_admin(actor);
  const std::string email = normalise_email(input.email);
  const std::string name = detail::trimmed(input.display_name);
  FieldErrors errors;
  check_email(errors, "email", email);
  check_name(errors, name);
  check_role(errors, input.role);
  check_passphrase(errors, "password", input.password);
  check_professions(errors, catalogue, input.professions, input.role);
  // Hash outside the transaction: Argon2id takes a while and must not hold a write lock.
  const std::string hash = input.password.empty() ? "" : crypto::hash_password(input.password);
  return m_db.transaction([&](storage::Connection& conn) {
    check_memberships(errors, conn, actor.tenant, input.memberships, input.role);
    if (!errors.count("email") && storage::find_user_by_email(conn, actor.tenant, email)) {
      // A double-submitted form or a second account for one person: say so, never a 500.
      errors["email"] = "Der findes allerede en bruger med denne e-mailadresse";
    }
    if (!errors.empty()) throw Invalid(errors);
    const std::string id = crypto::random_id();
    try {
      storage::insert_user(conn, {id, actor.tenant, email, name, hash, input.role, now_ms});
    } catch (const storage::ConstraintViolation&) {
      throw Invalid(FieldErrors{{"email", "Der findes allerede en bruger med denne e-mailadresse"}});
    }
    if (hash.empty()) storage::clear_user_password(conn, actor.tenant, id);  // SSO only: no password at all
    storage::replace_user_professions(conn, actor.tenant, id, input.professions);
    storage::replace_user_memberships(conn, actor.tenant, id, to_store(input.memberships));
    audit_user(conn, actor, audit::Action::create, id, now_ms, "");
    return load_view(conn, *storage::find_user_record(conn, actor.tenant, id));
  });
}

UserView Directory::update_user(const Actor& actor, const ProfessionCatalogue& catalogue, const std::string& id,
                                const UserPatch& patch, std::int64_t now_ms) {
  require_admin(actor);
  FieldErrors errors;
  if (patch.password) check_passphrase(errors, "password", *patch.password);
  const std::string hash = patch.password && !patch.password->empty() ? crypto::hash_password(*patch.password) : "";
  return m_db.transaction([&](storage::Connection& conn) {
    auto record = storage::find_user_record(conn, actor.tenant, id);
    if (!record) throw NotFound("user");
    const std::string name = patch.display_name ? detail::trimmed(*patch.display_name) : record->display_name;
    const std::string role = patch.role ? *patch.role : record->role;
    if (patch.display_name) check_name(errors, name);
    if (patch.role) check_role(errors, role);
    const auto professions = patch.professions ? *patch.professions : storage::user_professions(conn, actor.tenant, id);
    check_professions(errors, catalogue, professions, role);
    if (patch.memberships) check_memberships(errors, conn, actor.tenant, *patch.memberships, role);
    if (patch.disabled && *patch.disabled && id == actor.user_id) {
      errors["disabled"] = "Du kan ikke deaktivere din egen bruger";
    }
    if (patch.role && role != "administrator" && id == actor.user_id) {
      errors["role"] = "Du kan ikke fjerne din egen administratorrolle";
    }
    if (!errors.empty()) throw Invalid(errors);
    storage::update_user_profile(conn, actor.tenant, id, name, role);
    if (patch.professions) storage::replace_user_professions(conn, actor.tenant, id, *patch.professions);
    if (patch.memberships) storage::replace_user_memberships(conn, actor.tenant, id, to_store(*patch.memberships));
    if (patch.disabled && *patch.disabled != record->disabled_at_ms.has_value()) {
      storage::set_user_disabled(conn, actor.tenant, id, *patch.disabled ? std::optional<std::int64_t>(now_ms)
                                                                          : std::nullopt);
      // A disabled user's sessions and tokens stop working at once.
      if (*patch.disabled) sessions::end_all_for_user(conn, actor.tenant, id);
    }
    if (!hash.empty()) storage::set_user_password_hash(conn, actor.tenant, id, hash, now_ms);
    audit_user(conn, actor, audit::Action::change, id, now_ms, "");
    return load_view(conn, *storage::find_user_record(conn, actor.tenant, id));
  });
}

UserView Directory::get_user(const Actor& actor, const std::string& id, std::int64_t now_ms) {
  if (!actor.is_staff()) throw Forbidden("Ingen adgang");
  return m_db.transaction([&](storage::Connection& conn) {
    auto record = storage::find_user_record(conn, actor.tenant, id);
    if (!record) throw NotFound("user");
    UserView view = load_view(conn, *record);
    if (!may_read_member(actor, view)) {
      if (actor.led_unit_ids.empty()) throw Forbidden("Ingen adgang");
      throw NotFound("user");  // a leader does not learn who exists outside their units
    }
    audit_user(conn, actor, audit::Action::read, id, now_ms, "");
    return view;
  });
}

UserPage Directory::list_users(const Actor& actor, const UserQuery& query, std::int64_t now_ms) {
  if (actor.role != Role::administrator && !(actor.is_staff() && !query.unit_id.empty() && actor.leads(query.unit_id))) {
    throw Forbidden("Kun administratorer og enhedens ledere kan se listen");
  }
  const int limit = std::clamp(query.limit, 1, 200);
  return m_db.transaction([&](storage::Connection& conn) {
    auto records = storage::list_user_records(conn, actor.tenant, {query.role, query.unit_id, query.cursor, limit + 1});
    UserPage page;
    if (static_cast<int>(records.size()) > limit) {
      records.resize(static_cast<std::size_t>(limit));
      page.next_cursor = records.back().id;
    }
    for (const auto& r : records) page.users.push_back(load_view(conn, r));
    audit_user(conn, actor, audit::Action::search, "", now_ms,
               "rolle=" + query.role + ";enhed=" + query.unit_id);
    return page;
  });
}

}  // namespace samspil::service::people
