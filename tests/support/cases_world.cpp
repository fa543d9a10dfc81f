#include "cases_world.hpp"

#include "storage/migrations.hpp"
#include "source_dir.hpp"

namespace samspil::cases_testing {
namespace {

using storage::Connection;
using storage::Value;

void user(Connection& c, const std::string& tenant, const std::string& id, const std::string& role) {
  c.query("INSERT INTO users (id, tenant, email, display_name, role, created_at) VALUES ($1, $2, $3, $4, $5, 1)",
          {id, tenant, id + "@example.dk", "Navn " + id, role});
}

void unit(Connection& c, const std::string& tenant, const std::string& id, const std::string& kind) {
  c.query("INSERT INTO units (id, tenant, kind, name, created_at) VALUES ($1, $2, $3, $4, 1)",
          {id, tenant, kind, "Enhed " + id});
}

void member(Connection& c, const std::string& tenant, const std::string& user, const std::string& unit, bool leader) {
  c.query("INSERT INTO unit_memberships (tenant, user_id, unit_id, is_leader) VALUES ($1, $2, $3, $4)",
          {tenant, user, unit, std::int64_t{leader ? 1 : 0}});
}

}  // namespace

World seed_world(storage::Database& db) {
  storage::migrate(db, storage::load_migrations(std::string(samspil::test::source_dir()) + "/migrations", db.dialect()));
  World w;
  db.transaction([&](Connection& c) {
    c.query("INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Kommune 1', 1), ('t2', 'Kommune 2', 1)");
    unit(c, w.tenant, w.school, "school");
    unit(c, w.tenant, w.other_school, "school");
    unit(c, w.tenant, w.ppr_unit, "ppr");
    unit(c, w.other_tenant, "x-unit", "school");
    user(c, w.tenant, w.leader, "unit_leader");
    user(c, w.tenant, w.other_leader, "unit_leader");
    user(c, w.tenant, w.teacher, "professional");
    user(c, w.tenant, w.psychologist, "professional");
    user(c, w.tenant, w.stranger, "professional");
    user(c, w.tenant, w.district_lead, "ppr_district_lead");
    user(c, w.tenant, w.admin, "administrator");
    user(c, w.tenant, w.mother, "guardian");
    user(c, w.tenant, w.father, "guardian");
    user(c, w.tenant, w.other_parent, "guardian");
    user(c, w.other_tenant, w.other_tenant_user, "unit_leader");
    member(c, w.tenant, w.leader, w.school, true);
    member(c, w.tenant, w.teacher, w.school, false);
    member(c, w.tenant, w.other_leader, w.other_school, true);
    member(c, w.tenant, w.psychologist, w.ppr_unit, false);
    member(c, w.tenant, w.district_lead, w.ppr_unit, true);
    member(c, w.other_tenant, w.other_tenant_user, "x-unit", true);
    c.query("INSERT INTO children (id, tenant, first_name, last_name, birth_date, unit_id, created_at) VALUES "
            "('c-1', 't1', 'Alma', 'Jensen', '2017-03-01', 'u-school', 1), "
            "('c-2', 't1', 'Bo', 'Hansen', '2016-05-02', 'u-school', 1)");
    c.query("INSERT INTO guardianships (tenant, child_id, user_id, relation, has_custody, created_at) VALUES "
            "('t1', 'c-1', 'g-mother', 'parent', 1, 1), ('t1', 'c-1', 'g-father', 'parent', 1, 2), "
            "('t1', 'c-2', 'g-other', 'parent', 1, 3)");
  });
  return w;
}

}  // namespace samspil::cases_testing
