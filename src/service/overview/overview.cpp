#include "service/overview/overview.hpp"

#include <algorithm>
#include <charconv>

#include "service/base/errors.hpp"
#include "service/cases/cases.hpp"
#include "service/overview/overview_obligations.hpp"

namespace samspil::service {

namespace {

// Page tokens: "<integer>.<row id>" or, for undated tasks, "n.<row id>". A token that does
// not parse starts at the first page (it is a link parameter anyone can edit).
std::string token(std::int64_t key, const std::string& id) { return std::to_string(key) + "." + id; }

struct ParsedToken {
  std::optional<std::int64_t> key;
  std::string id;
  bool valid = false;
};

ParsedToken parse(const std::string& text) {
  ParsedToken out;
  const auto dot = text.find('.');
  if (text.empty() || dot == std::string::npos || dot + 1 >= text.size() || text.size() > 200) return out;
  out.id = text.substr(dot + 1);
  const std::string head = text.substr(0, dot);
  if (head == "n") {
    out.valid = true;
    return out;
  }
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(head.data(), head.data() + head.size(), value);
  if (ec != std::errc() || ptr != head.data() + head.size()) return out;
  out.key = value;
  out.valid = true;
  return out;
}

void require_staff(const Actor& actor) {
  if (!actor.is_staff()) throw Forbidden("Oversigten er for medarbejdere.");
}

int clamp_limit(int limit) { return std::clamp(limit, 1, 50); }

// Reads one more row than shown to know whether a next page exists.
template <typename T, typename KeyOf>
void trim(std::vector<T>& rows, int limit, std::string& next, KeyOf key_of) {
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(static_cast<std::size_t>(limit));
    next = key_of(rows.back());
  }
}

}  // namespace

std::string Overview::meeting_type_name(const std::string& model_id, const std::string& type_id) const {
  const domain::Model* model = m_models != nullptr ? m_models->find(model_id) : nullptr;
  if (model != nullptr) {
    for (const auto& type : model->meeting_types) {
      if (type.id == type_id) return type.name;
    }
  }
  return type_id;
}

OverviewPage<OverviewMeeting> Overview::meetings_on(storage::Connection& conn, const Actor& actor,
                                                    const std::string& page_token, int limit, std::int64_t now_ms) {
  storage::Keyset after{now_ms - kMeetingsLookbackMs, ""};
  const ParsedToken t = parse(page_token);
  if (t.valid && t.key && *t.key >= after.key) after = {*t.key, t.id};
  auto rows = storage::meetings_of_user(conn, actor.tenant, actor.user_id, actor.is_staff(), after, limit + 1);
  OverviewPage<OverviewMeeting> page;
  trim(rows, limit, page.next, [](const storage::MyMeetingRow& r) { return token(r.starts_at_ms, r.id); });
  for (auto& r : rows) {
    std::string name = meeting_type_name(r.model_id, r.type_id);
    page.items.push_back({std::move(r), std::move(name)});
  }
  return page;
}

OverviewPage<storage::MyTaskRow> Overview::tasks_on(storage::Connection& conn, const Actor& actor,
                                                    const std::string& page_token, int limit) {
  storage::TaskKeyset after;
  const ParsedToken t = parse(page_token);
  if (t.valid) after = {t.key, t.id};
  auto rows = storage::open_tasks_of_user(conn, actor.tenant, actor.user_id, after, limit + 1);
  OverviewPage<storage::MyTaskRow> page;
  trim(rows, limit, page.next, [](const storage::MyTaskRow& r) {
    return r.due_at_ms ? token(*r.due_at_ms, r.id) : "n." + r.id;
  });
  page.items = std::move(rows);
  return page;
}

OverviewPage<OverviewCase> Overview::cases_on(storage::Connection& conn, const Actor& actor,
                                              const std::string& page_token, int limit) {
  std::optional<storage::Keyset> after;
  const ParsedToken t = parse(page_token);
  if (t.valid && t.key) after = storage::Keyset{*t.key, t.id};
  auto rows = storage::open_cases_of_user(conn, actor.tenant, actor.user_id, after, limit + 1);
  OverviewPage<OverviewCase> page;
  trim(rows, limit, page.next, [](const storage::MyCaseRow& r) { return token(r.updated_at_ms, r.id); });
  for (auto& r : rows) {
    const domain::Model* model = m_models != nullptr ? m_models->find(r.model_id) : nullptr;
    std::string name = model != nullptr ? state_name(*model, r.state) : r.state;
    page.items.push_back({std::move(r), std::move(name)});
  }
  return page;
}

OverviewPage<OverviewObligation> Overview::obligations_on(storage::Connection& conn, const Actor& actor,
                                                          const std::string& page_token, int limit,
                                                          std::int64_t now_ms) {
  return overview_obligations(conn, m_models, actor, page_token, limit, now_ms);
}

MyOverview Overview::of(const Actor& actor, const OverviewCursors& cursors, int limit, std::int64_t now_ms) {
  require_staff(actor);
  limit = clamp_limit(limit);
  // One read-only transaction: the lists come from one snapshot, and SQLite takes its read
  // lock once for them all.
  return m_db.read([&](storage::Connection& conn) {
    MyOverview out;
    out.meetings = meetings_on(conn, actor, cursors.meetings, limit, now_ms);
    out.tasks = tasks_on(conn, actor, cursors.tasks, limit);
    out.cases = cases_on(conn, actor, cursors.cases, limit);
    out.obligations_available = obligations_available(conn);
    out.leader = !actor.led_unit_ids.empty();
    if (out.obligations_available) {
      out.obligations = obligations_on(conn, actor, cursors.obligations, limit, now_ms);
      if (out.leader) out.compliance = unit_compliance(conn, m_models, actor, now_ms);
    }
    return out;
  });
}

OverviewPage<OverviewMeeting> Overview::meetings(const Actor& actor, const std::string& page_token, int limit,
                                                 std::int64_t now_ms) {
  require_staff(actor);
  auto lease = m_db.acquire();
  return meetings_on(*lease, actor, page_token, clamp_limit(limit), now_ms);
}

OverviewPage<storage::MyTaskRow> Overview::tasks(const Actor& actor, const std::string& page_token, int limit) {
  require_staff(actor);
  auto lease = m_db.acquire();
  return tasks_on(*lease, actor, page_token, clamp_limit(limit));
}

OverviewPage<OverviewCase> Overview::cases(const Actor& actor, const std::string& page_token, int limit) {
  require_staff(actor);
  auto lease = m_db.acquire();
  return cases_on(*lease, actor, page_token, clamp_limit(limit));
}

OverviewPage<OverviewObligation> Overview::obligations(const Actor& actor, const std::string& page_token, int limit,
                                                       std::int64_t now_ms) {
  require_staff(actor);
  auto lease = m_db.acquire();
  if (!obligations_available(*lease)) return {};
  return obligations_on(*lease, actor, page_token, clamp_limit(limit), now_ms);
}

std::vector<OverviewMeeting> Overview::invitations(const Actor& actor, std::int64_t now_ms) {
  if (actor.role != Role::guardian) throw Forbidden("Invitationer vises for forældre.");
  auto lease = m_db.acquire();
  return meetings_on(*lease, actor, "", 50, now_ms).items;
}

std::vector<OverviewMeeting> Overview::agreements(const Actor& actor) {
  if (actor.role != Role::guardian) throw Forbidden("Aftaler vises for forældre.");
  auto lease = m_db.acquire();
  std::vector<OverviewMeeting> out;
  for (auto& r : storage::finalised_meetings_of_user(*lease, actor.tenant, actor.user_id, 50)) {
    // Only agreements the model shares with the parents (X6, FP7): the others are not theirs
    // to download (Agreements::pdf answers 404), so the portal does not offer them.
    const domain::Model* model = m_models != nullptr ? m_models->find(r.model_id) : nullptr;
    const domain::MeetingType* type = model != nullptr ? model->meeting_type(r.type_id) : nullptr;
    const auto* use = type != nullptr ? type->agreement_document() : nullptr;
    if (use == nullptr || !use->shared_with_parents) continue;
    std::string name = meeting_type_name(r.model_id, r.type_id);
    out.push_back({std::move(r), std::move(name)});
  }
  return out;
}

}  // namespace samspil::service
