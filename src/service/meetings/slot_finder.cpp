// Finding a time (issue 6 item 2): busy times of every person from their Samspil meetings
// (ONE query for all) plus their imported calendars (a port, read for all users at once; a
// calendar that cannot be fetched now is reported, and its last fetched busy times used),
// fed to the engine's slot finder with the type's windows or agreed booking slots (F4),
// default duration (F5) and the earliest start at which every "before the meeting"
// deadline is still reachable.
#include <algorithm>
#include <chrono>
#include <future>
#include <map>

#include "domain/slots.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/free_busy.hpp"
#include "service/meetings/meetings.hpp"
#include "service/meetings/meetings_internal.hpp"

namespace samspil::service {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

domain::Instant instant(std::int64_t ms) { return domain::Instant{seconds{ms / 1000}}; }
std::int64_t millis(domain::Instant t) { return std::chrono::duration_cast<milliseconds>(t.time_since_epoch()).count(); }

constexpr std::int64_t kHorizonMs = 120LL * 24 * 3600 * 1000;  // search four months ahead

}  // namespace

SlotResult Meetings::find_slots(const Actor& actor, const std::string& case_id, const SlotSearch& search,
                                std::int64_t now_ms) {
  if (search.user_ids.size() > 50) throw Invalid(FieldErrors{{"participants", "Vælg højst 50 deltagere"}});
  if (search.duration_minutes < 0 || search.duration_minutes > 12 * 60) {
    throw Invalid(FieldErrors{{"duration", "Varigheden må højst være 12 timer"}});
  }
  // Gather what the engine needs in one short transaction; the imported calendars are
  // fetched outside it (network I/O must not hold a database connection).
  struct Gathered {
    const domain::Model* model = nullptr;
    const domain::MeetingType* type = nullptr;
    std::vector<storage::UserBusy> busy;
  };
  const std::int64_t horizon = now_ms + kHorizonMs;
  auto g = m_db.transaction([&](storage::Connection& conn) {
    const auto reached = reach_case(conn, actor, case_id);
    if (!may_change_case(reached.relation)) throw Forbidden("Du kan ikke indkalde til møder i denne sag");
    Gathered out;
    out.model = &model_of_case(m_config, reached.record);
    out.type = out.model->meeting_type(search.type_id);
    if (out.type == nullptr) throw Invalid(FieldErrors{{"type", "Vælg en mødetype"}});
    out.busy = storage::busy_intervals(conn, actor.tenant, search.user_ids, now_ms, horizon, search.except_meeting_id);
    return out;
  });

  SlotResult result;
  std::map<std::string, std::vector<domain::Interval>> per_user;
  for (const auto& id : search.user_ids) per_user[id];
  for (const auto& b : g.busy) per_user[b.user_id].push_back({instant(b.start_ms), instant(b.end_ms)});
  if (m_config.free_busy) {
    // Every participant's calendar at once: a slow feed costs its own timeout, not the sum.
    struct Read {
      std::vector<FreeBusyInterval> busy;
      bool failed = false;
    };
    std::vector<std::pair<std::string, std::future<Read>>> reads;
    for (const auto& entry : per_user) {
      const std::string user = entry.first;
      reads.emplace_back(user, std::async(std::launch::async, [this, tenant = actor.tenant, user, now_ms, horizon] {
                           try {
                             return Read{m_config.free_busy(tenant, user, now_ms, horizon), false};
                           } catch (const FreeBusyUnavailable& e) {
                             return Read{e.cached, true};  // the last fetched busy times still count
                           } catch (const std::exception&) {
                             return Read{{}, true};
                           }
                         }));
    }
    for (auto& [user, future] : reads) {
      const Read read = future.get();
      auto& list = per_user[user];
      for (const auto& b : read.busy) list.push_back({instant(b.start_ms), instant(b.end_ms)});
      if (read.failed) result.calendar_failures.push_back(user);
    }
  }
  domain::BusyLists lists;
  lists.reserve(per_user.size());
  for (auto& [user, list] : per_user) lists.push_back(std::move(list));

  const auto earliest = domain::earliest_start(instant(now_ms), *g.type, g.model->closing_days);
  auto query = domain::slot_query_for(*g.model, *g.type, earliest);
  if (search.duration_minutes > 0 && g.type->duration_adjustable) {
    query.duration = std::chrono::minutes{search.duration_minutes};
  }
  query.count = std::clamp<std::size_t>(search.count, 1, 50);
  query.not_after = instant(horizon);
  for (const auto& slot : domain::find_slots(query, lists)) {
    result.slots.push_back(SlotOffer{millis(slot.start), millis(slot.end)});
  }
  return result;
}

}  // namespace samspil::service
