#include "web/parents_home_data.hpp"

#include <algorithm>

#include "service/errors.hpp"
#include "storage/guardian_store.hpp"
#include "storage/unit_store.hpp"

namespace samspil::web::parents {

std::vector<ParentChild> my_children(const WebContext& context, const service::CasesConfig& config,
                                     const service::Actor& actor) {
  if (actor.role != service::Role::guardian) throw service::Forbidden("guardians only");
  const std::int64_t now = context.now_ms();
  // Only the ids of the actor's own guardianships are read here; the child data itself
  // comes from the services below, which decide access and audit each read.
  const auto links = context.db.transaction([&](storage::Connection& conn) {
    return storage::guardianships_of_user(conn, actor.tenant, actor.user_id);
  });
  service::Children children(context.db, config);
  service::Cases cases(context.db, config);
  service::Consents consents(context.db, config);
  std::vector<ParentChild> out;
  for (const auto& link : links) {
    ParentChild item;
    item.child = children.get(actor, link.child_id, now);
    if (!item.child.record.unit_id.empty()) {
      const auto unit = context.db.transaction([&](storage::Connection& conn) {
        return storage::find_unit(conn, actor.tenant, item.child.record.unit_id);
      });
      if (unit) item.unit_name = unit->name;
    }
    for (const auto& case_id : item.child.case_ids) {
      auto view = cases.get(actor, case_id, now);
      if (!view.closed) item.open_cases.push_back(std::move(view));
    }
    item.consents = consents.for_child(actor, link.child_id, now);
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const ParentChild& a, const ParentChild& b) {
    return a.child.record.first_name < b.child.record.first_name;
  });
  return out;
}

}  // namespace samspil::web::parents
