#include "service/overview/overview_obligations.hpp"

#include "storage/overview_store.hpp"

namespace samspil::service {

namespace {

std::string token(std::int64_t key, const std::string& id) { return std::to_string(key) + "." + id; }

}  // namespace

bool obligations_available(storage::Connection&) { return true; }

OverviewPage<OverviewObligation> overview_obligations(storage::Connection& conn, const ModelRegistry*,
                                                      const Actor& actor, const std::string& page_token, int limit,
                                                      std::int64_t now_ms) {
  // Obligations are listed from the oldest open one: an overdue obligation stays on top
  // until it is done, however old it is.
  storage::Keyset after{0, ""};
  const auto dot = page_token.find('.');
  if (dot != std::string::npos && dot > 0 && dot + 1 < page_token.size()) {
    try {
      std::size_t used = 0;
      const std::int64_t key = std::stoll(page_token.substr(0, dot), &used);
      if (used == dot) after = {key, page_token.substr(dot + 1)};
    } catch (const std::exception&) {
      // a token that does not parse starts at the first page
    }
  }
  auto rows = storage::open_obligations_of_user(conn, actor.tenant, actor.user_id, after, limit + 1);
  OverviewPage<OverviewObligation> page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(static_cast<std::size_t>(limit));
    page.next = token(rows.back().due_at_ms, rows.back().id);
  }
  for (auto& r : rows) {
    OverviewObligation o;
    o.id = r.id;
    o.meeting_id = r.meeting_id;
    o.case_id = r.case_id;
    o.case_title = r.case_title;
    o.obligation_id = r.obligation_id;
    o.name = r.obligation_id;  // the web layer names it from locale (obligation_<id>)
    o.due_at_ms = r.due_at_ms;
    o.overdue = r.due_at_ms < now_ms || r.missed_at_ms.has_value();
    page.items.push_back(std::move(o));
  }
  return page;
}

std::vector<ComplianceRow> unit_compliance(storage::Connection& conn, const ModelRegistry*, const Actor& actor,
                                           std::int64_t now_ms) {
  std::vector<ComplianceRow> out;
  for (auto& r : storage::compliance_of_units(conn, actor.tenant, actor.led_unit_ids, now_ms - kComplianceWindowMs,
                                              now_ms)) {
    out.push_back({r.unit_id, r.unit_name, r.obligation_id, r.obligation_id, r.met, r.missed});
  }
  return out;
}

}  // namespace samspil::service
