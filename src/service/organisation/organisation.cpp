#include "service/organisation/organisation.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "crypto/random.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/people/people_rules.hpp"
#include "storage/unit_store.hpp"

namespace samspil::service::organisation {

namespace {

struct KindName {
  std::string_view code;
  std::string_view label;
};

constexpr std::array<KindName, 7> kKinds{{
    {"daycare", "Dagtilbud"},
    {"school", "Skole"},
    {"ppr", "PPR"},
    {"health_visiting", "Sundhedspleje"},
    {"authority", "Myndighed (Børn og Familie)"},
    {"administration", "Administration"},
    {"other", "Andet"},
}};

UnitView view_of(const storage::Unit& u) { return UnitView{u.id, u.name, u.kind, u.parent_id}; }

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

void validate_name(FieldErrors& errors, const std::string& name) {
  if (name.empty()) {
    errors["name"] = "Skriv enhedens navn";
  } else if (name.size() > 200) {
    errors["name"] = "Enhedens navn må højst være 200 tegn";
  }
}

// A sibling (same parent) with the same name: a double-submitted form or a mistake.
bool sibling_named(const std::vector<storage::Unit>& all, const std::string& parent_id, const std::string& name,
                   const std::string& except_id) {
  return std::any_of(all.begin(), all.end(), [&](const storage::Unit& u) {
    return u.parent_id == parent_id && u.name == name && u.id != except_id;
  });
}

// True when making `parent_id` the parent of `id` would close a cycle (parent is id or below it).
bool would_cycle(const std::vector<storage::Unit>& all, const std::string& id, std::string parent_id) {
  std::map<std::string, std::string> parent_of;
  for (const auto& u : all) parent_of[u.id] = u.parent_id;
  std::set<std::string> seen;
  while (!parent_id.empty()) {
    if (parent_id == id || !seen.insert(parent_id).second) return true;
    parent_id = parent_of[parent_id];
  }
  return false;
}

void audit_unit(storage::Connection& conn, const Actor& actor, audit::Action action, const std::string& id,
                std::int64_t now_ms) {
  audit::record(conn, actor, admin_entry(action, "unit", id), now_ms);
}

}  // namespace

const std::vector<std::string_view>& unit_kinds() {
  static const std::vector<std::string_view> kinds = [] {
    std::vector<std::string_view> out;
    for (const auto& k : kKinds) out.push_back(k.code);
    return out;
  }();
  return kinds;
}

std::string_view unit_kind_label(std::string_view kind) {
  for (const auto& k : kKinds) {
    if (k.code == kind) return k.label;
  }
  return kind;
}

UnitView Units::create_unit(const Actor& actor, const UnitInput& input, std::int64_t now_ms) {
  require_admin(actor);
  storage::Unit unit{crypto::random_id(), actor.tenant, input.parent_id, input.kind, trimmed(input.name), now_ms};
  return m_db.transaction([&](storage::Connection& conn) {
    FieldErrors errors;
    validate_name(errors, unit.name);
    const auto& kinds = unit_kinds();
    if (std::find(kinds.begin(), kinds.end(), unit.kind) == kinds.end()) errors["kind"] = "Vælg enhedens type";
    if (!unit.parent_id.empty() && !storage::find_unit(conn, actor.tenant, unit.parent_id)) {
      errors["parent_id"] = "Vælg en overordnet enhed i kommunen";
    }
    if (!errors.count("name") && sibling_named(storage::all_units(conn, actor.tenant), unit.parent_id, unit.name, "")) {
      errors["name"] = "Der findes allerede en enhed med dette navn på samme sted";
    }
    if (!errors.empty()) throw Invalid(errors);
    storage::insert_unit(conn, unit);
    audit_unit(conn, actor, audit::Action::create, unit.id, now_ms);
    return view_of(unit);
  });
}

UnitView Units::update_unit(const Actor& actor, const std::string& id, const UnitPatch& patch,
                            std::int64_t now_ms) {
  require_admin(actor);
  return m_db.transaction([&](storage::Connection& conn) {
    auto unit = storage::find_unit(conn, actor.tenant, id);
    if (!unit) throw NotFound("unit");
    const auto all = storage::all_units(conn, actor.tenant);
    FieldErrors errors;
    std::string name = patch.name ? trimmed(*patch.name) : unit->name;
    std::string parent = patch.parent_id ? *patch.parent_id : unit->parent_id;
    if (patch.name) validate_name(errors, name);
    if (patch.parent_id && !parent.empty()) {
      if (!storage::find_unit(conn, actor.tenant, parent)) {
        errors["parent_id"] = "Vælg en overordnet enhed i kommunen";
      } else if (would_cycle(all, id, parent)) {
        errors["parent_id"] = "En enhed kan ikke flyttes ind under sig selv eller sine egne underenheder";
      }
    }
    if (errors.empty() && sibling_named(all, parent, name, id)) {
      errors["name"] = "Der findes allerede en enhed med dette navn på samme sted";
    }
    if (!errors.empty()) throw Invalid(errors);
    if (name != unit->name) storage::rename_unit(conn, actor.tenant, id, name);
    if (parent != unit->parent_id) storage::set_unit_parent(conn, actor.tenant, id, parent);
    unit->name = name;
    unit->parent_id = parent;
    audit_unit(conn, actor, audit::Action::change, id, now_ms);
    return view_of(*unit);
  });
}

UnitView Units::get_unit(const Actor& actor, const std::string& id) {
  require_admin(actor);
  auto lease = m_db.acquire();
  auto unit = storage::find_unit(*lease, actor.tenant, id);
  if (!unit) throw NotFound("unit");
  return view_of(*unit);
}

UnitPage Units::list_units(const Actor& actor, const std::string& cursor, int limit) {
  require_admin(actor);
  limit = std::clamp(limit, 1, 200);
  auto lease = m_db.acquire();
  auto units = storage::list_units(*lease, actor.tenant, cursor, limit + 1);
  UnitPage page;
  if (static_cast<int>(units.size()) > limit) {
    units.resize(static_cast<std::size_t>(limit));
    page.next_cursor = units.back().id;
  }
  for (const auto& u : units) page.units.push_back(view_of(u));
  return page;
}

std::vector<TreeNode> Units::unit_tree(const Actor& actor) {
  require_admin(actor);
  auto lease = m_db.acquire();
  const auto all = storage::all_units(*lease, actor.tenant);  // ordered by name
  std::map<std::string, std::vector<const storage::Unit*>> children;
  std::set<std::string> ids;
  for (const auto& u : all) ids.insert(u.id);
  for (const auto& u : all) children[ids.count(u.parent_id) ? u.parent_id : ""].push_back(&u);
  std::vector<TreeNode> out;
  std::set<std::string> visited;
  auto walk = [&](auto& self, const std::string& parent, int depth) -> void {
    for (const storage::Unit* u : children[parent]) {
      if (!visited.insert(u->id).second) continue;
      out.push_back({view_of(*u), depth});
      self(self, u->id, depth + 1);
    }
  };
  walk(walk, "", 0);
  return out;
}

}  // namespace samspil::service::organisation
