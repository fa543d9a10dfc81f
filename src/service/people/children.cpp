#include "service/people/children.hpp"

#include "domain/cpr.hpp"
#include "service/audit/audit.hpp"
#include "service/base/errors.hpp"
#include "service/cases/case_access.hpp"
#include "storage/case_store.hpp"
#include "storage/guardian_store.hpp"
#include "storage/unit_store.hpp"

namespace samspil::service {

std::vector<std::string> Children::mine(const Actor& actor) {
  if (actor.role != Role::guardian) throw Forbidden("guardians only");
  // Only the ids of the actor's own guardianships: the child data itself is read through
  // get(), which decides access and writes the access-log entry.
  const auto links = m_db.transaction([&](storage::Connection& conn) {
    return storage::guardianships_of_user(conn, actor.tenant, actor.user_id);
  });
  std::vector<std::string> ids;
  for (const auto& link : links) ids.push_back(link.child_id);
  return ids;
}

std::string Children::unit_name(const Actor& actor, const std::string& unit_id) {
  if (unit_id.empty()) return {};
  const auto unit = m_db.transaction(
      [&](storage::Connection& conn) { return storage::find_unit(conn, actor.tenant, unit_id); });
  return unit ? unit->name : std::string();
}

ChildView Children::get(const Actor& actor, const std::string& child_id, std::int64_t now_ms) {
  return m_db.transaction([&](storage::Connection& conn) {
    const auto child = reach_child(conn, actor, child_id);
    audit::record(conn, actor,
                  audit::Entry{audit::Action::read, "child", child.id, child.id,
                               actor.role == Role::guardian ? "Forælders indsigt" : "Sagsbehandling", ""},
                  now_ms);
    ChildView view;
    view.record = child;
    view.record.cpr_encrypted.clear();
    view.record.cpr_hash.clear();
    if (!child.cpr_encrypted.empty()) {
      if (auto digits = m_config.cipher->open(child.cpr_encrypted)) view.cpr_masked = domain::mask_cpr(*digits);
    }
    view.guardians = storage::guardianships_of_child(conn, actor.tenant, child.id);
    for (const auto& c : storage::cases_of_child(conn, actor.tenant, child.id)) {
      if (case_relation(conn, actor, c) != CaseRelation::none) view.case_ids.push_back(c.id);
    }
    return view;
  });
}

RegisterChoices Children::choices(const Actor& actor, std::int64_t now_ms) {
  if (actor.role == Role::guardian || actor.role == Role::administrator) {
    throw Forbidden("Kun fagpersoner kan registrere en bekymring");
  }
  return m_db.transaction([&](storage::Connection& conn) {
    RegisterChoices out;
    out.children = storage::children_in_units(conn, actor.tenant, actor.unit_ids, 500);
    for (auto& c : out.children) {
      c.cpr_encrypted.clear();
      c.cpr_hash.clear();
    }
    for (const auto& u : storage::all_units(conn, actor.tenant)) {
      if (actor.member_of(u.id)) out.my_units.push_back({u.id, u.name});
      if (u.kind == "ppr") out.ppr_units.push_back({u.id, u.name});
    }
    audit::record(conn, actor,
                  audit::Entry{audit::Action::search, "child", "", "", "Registrering af bekymring", "egne enheder"},
                  now_ms);
    return out;
  });
}

void Children::move(const Actor& actor, const std::string& child_id, const std::string& unit_id,
                    const std::string& group_name, std::int64_t now_ms) {
  m_db.transaction([&](storage::Connection& conn) {
    const auto child = reach_child(conn, actor, child_id);
    if (actor.role == Role::guardian || child.unit_id.empty() || !actor.leads(child.unit_id)) {
      throw Forbidden("Kun lederen af barnets enhed kan flytte barnet");
    }
    const auto unit = storage::find_unit(conn, actor.tenant, unit_id);
    if (!unit) throw Invalid(FieldErrors{{"unit_id", "Vælg barnets nye dagtilbud eller skole"}});
    storage::move_child(conn, actor.tenant, child_id, unit_id, group_name, now_ms);
    audit::record(conn, actor, audit::Entry{audit::Action::change, "child", child_id, child_id, "Flytning af barn", ""},
                  now_ms);
  });
}

}  // namespace samspil::service
