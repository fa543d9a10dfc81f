#pragma once
// "Mit overblik" (issue 7 item 3): the signed-in staff user's next meetings, open tasks,
// open cases, obligations and — for unit leaders — their units' compliance; and the
// guardian's invitations for the parent portal (item 5). Read-only: each list is one
// keyset-paginated query over one lease (no write transaction, so pages scale on SQLite).
// The lists carry case titles (non-sensitive labels by design, 0005) and meeting types,
// never child names or free text, so reading them writes no access-log entry; opening an
// item does (the case and meeting pages audit their reads).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "service/base/actor.hpp"
#include "service/base/model_registry.hpp"
#include "storage/database.hpp"
#include "storage/overview_store.hpp"

namespace samspil::service {

// One page of a list; next is the opaque token of the following page ("" = last page). The
// token holds a timestamp and an opaque row id — never personal data.
template <typename T>
struct OverviewPage {
  std::vector<T> items;
  std::string next;
};

struct OverviewMeeting {
  storage::MyMeetingRow row;
  std::string type_name;  // the model's Danish name of the meeting type (the id if unknown)
};

struct OverviewCase {
  storage::MyCaseRow row;
  std::string state_name;
};

// An obligation the user owns (agenda helper's obligations table, 0009).
struct OverviewObligation {
  std::string id;
  std::string meeting_id;
  std::string case_id;
  std::string case_title;
  std::string obligation_id;  // the model's id
  std::string name;           // the model's Danish name (the id if unknown)
  std::int64_t due_at_ms = 0;
  bool overdue = false;
};

// Met/missed counts for one obligation kind in one led unit over the last 90 days.
struct ComplianceRow {
  std::string unit_id;
  std::string unit_name;
  std::string obligation_id;
  std::string name;
  std::int64_t met = 0;
  std::int64_t missed = 0;
};

// Page tokens per list, as given in the "Vis flere" links ("" = first page).
struct OverviewCursors {
  std::string meetings, tasks, cases, obligations;
};

struct MyOverview {
  OverviewPage<OverviewMeeting> meetings;
  OverviewPage<storage::MyTaskRow> tasks;
  OverviewPage<OverviewCase> cases;
  OverviewPage<OverviewObligation> obligations;
  bool obligations_available = false;  // false until the obligations table exists
  std::vector<ComplianceRow> compliance;  // empty unless the actor leads a unit
  bool leader = false;
};

class Overview {
 public:
  Overview(storage::Database& db, const ModelRegistry* models) : m_db(db), m_models(models) {}

  // Every list of the staff user's overview (Forbidden for guardians); limit per list 1..50.
  MyOverview of(const Actor& actor, const OverviewCursors& cursors, int limit, std::int64_t now_ms);
  // One list alone (for "Vis flere" and the API).
  OverviewPage<OverviewMeeting> meetings(const Actor& actor, const std::string& token, int limit, std::int64_t now_ms);
  OverviewPage<storage::MyTaskRow> tasks(const Actor& actor, const std::string& token, int limit);
  OverviewPage<OverviewCase> cases(const Actor& actor, const std::string& token, int limit);
  OverviewPage<OverviewObligation> obligations(const Actor& actor, const std::string& token, int limit,
                                               std::int64_t now_ms);
  // The guardian's invitations (meetings they are invited to, not yet held), soonest first.
  std::vector<OverviewMeeting> invitations(const Actor& actor, std::int64_t now_ms);
  // The guardian's meetings with a finalised agreement (newest first, at most 50).
  std::vector<OverviewMeeting> agreements(const Actor& actor);

  // The Danish name of a meeting type under a model (the id when unknown).
  std::string meeting_type_name(const std::string& model_id, const std::string& type_id) const;

 private:
  OverviewPage<OverviewMeeting> meetings_on(storage::Connection& conn, const Actor& actor, const std::string& token,
                                            int limit, std::int64_t now_ms);
  OverviewPage<storage::MyTaskRow> tasks_on(storage::Connection& conn, const Actor& actor, const std::string& token,
                                            int limit);
  OverviewPage<OverviewCase> cases_on(storage::Connection& conn, const Actor& actor, const std::string& token,
                                      int limit);
  OverviewPage<OverviewObligation> obligations_on(storage::Connection& conn, const Actor& actor,
                                                  const std::string& token, int limit, std::int64_t now_ms);

  storage::Database& m_db;
  const ModelRegistry* m_models;
};

// How far back "next meetings" reach: a meeting that started less than this ago is still
// listed (it may be in progress).
inline constexpr std::int64_t kMeetingsLookbackMs = 3 * 60 * 60 * 1000;

}  // namespace samspil::service
