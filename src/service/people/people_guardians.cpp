// Guardians (users with role guardian) and their links to children.
#include <algorithm>

#include "service/base/errors.hpp"
#include "service/people/people.hpp"
#include "service/people/people_internal.hpp"
#include "service/people/people_rules.hpp"
#include "storage/guardian_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::service::people {

namespace {

GuardianView guardian_view(storage::Connection& conn, const storage::UserRecord& r) {
  GuardianView g{detail::load_view(conn, r), {}};
  for (const auto& link : storage::guardianships_of_user(conn, r.tenant, r.id)) {
    const auto child = storage::find_child_summary(conn, r.tenant, link.child_id);
    g.children.push_back({link.child_id, child ? child->first_name : "", child ? child->last_name : "", link.relation,
                          link.has_custody});
  }
  return g;
}

void audit_guardian_children(storage::Connection& conn, const Actor& actor, audit::Action action,
                             const GuardianView& g, std::int64_t now_ms) {
  // One entry per child, so each child's access-log extract shows the administration.
  for (const auto& c : g.children) {
    audit::record(conn, actor, admin_entry(action, "guardianship", g.user.id, c.child_id), now_ms);
  }
}

}  // namespace

GuardianPage Directory::list_guardians(const Actor& actor, const std::string& cursor, int limit,
                                       std::int64_t now_ms) {
  require_admin(actor);
  limit = std::clamp(limit, 1, 200);
  return m_db.transaction([&](storage::Connection& conn) {
    auto records = storage::list_user_records(conn, actor.tenant, {"guardian", "", cursor, limit + 1});
    GuardianPage page;
    if (static_cast<int>(records.size()) > limit) {
      records.resize(static_cast<std::size_t>(limit));
      page.next_cursor = records.back().id;
    }
    for (const auto& r : records) page.guardians.push_back(guardian_view(conn, r));
    detail::audit_user(conn, actor, audit::Action::search, "", now_ms, "rolle=guardian");
    return page;
  });
}

GuardianView Directory::get_guardian(const Actor& actor, const std::string& id, std::int64_t now_ms) {
  require_admin(actor);
  return m_db.transaction([&](storage::Connection& conn) {
    auto record = storage::find_user_record(conn, actor.tenant, id);
    if (!record || record->role != "guardian") throw NotFound("guardian");
    GuardianView g = guardian_view(conn, *record);
    detail::audit_user(conn, actor, audit::Action::read, id, now_ms, "");
    audit_guardian_children(conn, actor, audit::Action::read, g, now_ms);
    return g;
  });
}

GuardianView Directory::link_child(const Actor& actor, const std::string& guardian_id, const LinkInput& input,
                                   std::int64_t now_ms) {
  require_admin(actor);
  return m_db.transaction([&](storage::Connection& conn) {
    auto record = storage::find_user_record(conn, actor.tenant, guardian_id);
    if (!record || record->role != "guardian") throw NotFound("guardian");
    FieldErrors errors;
    if (input.child_id.empty() || !storage::find_child_summary(conn, actor.tenant, input.child_id)) {
      errors["child_id"] = "Vælg et barn fra listen";
    }
    if (input.relation != "parent" && input.relation != "foster_parent" && input.relation != "other") {
      errors["relation"] = "Vælg relationen til barnet";
    }
    if (!errors.empty()) throw Invalid(errors);
    storage::upsert_guardianship(conn, actor.tenant,
                                 {input.child_id, guardian_id, input.relation, input.has_custody, now_ms});
    audit::record(conn, actor, admin_entry(audit::Action::change, "guardianship", guardian_id, input.child_id),
                  now_ms);
    return guardian_view(conn, *record);
  });
}

std::vector<ChildOption> Directory::children_for_linking(const Actor& actor, int limit, std::int64_t now_ms) {
  require_admin(actor);
  return m_db.transaction([&](storage::Connection& conn) {
    std::vector<ChildOption> out;
    for (const auto& c : storage::list_child_summaries(conn, actor.tenant, "", std::clamp(limit, 1, 1000))) {
      out.push_back({c.id, c.first_name + " " + c.last_name, c.birth_date});
    }
    audit::record(conn, actor, admin_entry(audit::Action::search, "child", "", "", "tilknyt forælder"), now_ms);
    return out;
  });
}

}  // namespace samspil::service::people
