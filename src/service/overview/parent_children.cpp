#include "service/overview/parent_children.hpp"

#include <algorithm>

#include "service/base/errors.hpp"

namespace samspil::service::parents {

std::vector<ParentChild> MyChildren::my_children(const service::Actor& actor, std::int64_t now_ms) {
  const std::int64_t now = now_ms;
  service::Children children(m_db, m_config);
  service::Cases cases(m_db, m_config);
  service::Consents consents(m_db, m_config);
  std::vector<ParentChild> out;
  for (const std::string& child_id : children.mine(actor)) {
    ParentChild item;
    item.child = children.get(actor, child_id, now);
    item.unit_name = children.unit_name(actor, item.child.record.unit_id);
    for (const auto& case_id : item.child.case_ids) {
      auto view = cases.get(actor, case_id, now);
      if (!view.closed) item.open_cases.push_back(std::move(view));
    }
    item.consents = consents.for_child(actor, child_id, now);
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const ParentChild& a, const ParentChild& b) {
    return a.child.record.first_name < b.child.record.first_name;
  });
  return out;
}

}  // namespace samspil::service::parents
