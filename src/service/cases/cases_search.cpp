// The case list's filters and search (issue 7 item 4): the same visibility as Cases::list,
// narrowed by unit, state, meeting type, assignee and title words.
#include <algorithm>
#include <set>

#include "service/audit/audit.hpp"
#include "service/cases/case_access.hpp"
#include "service/cases/cases.hpp"
#include "service/cases/cases_search.hpp"
#include "storage/case_search.hpp"
#include "storage/unit_store.hpp"

namespace samspil::service {
namespace {

// What was searched for, for the access log; the words are the user's own (titles carry no
// CPR numbers: the registration form refuses them).
std::string criterion_of(const storage::CaseFilter& f) {
  std::string out;
  auto add = [&](const char* name, const std::string& v) {
    if (!v.empty()) out += (out.empty() ? "" : "; ") + std::string(name) + "=" + v;
  };
  add("enhed", f.unit_id);
  add("tilstand", f.state);
  add("mødetype", f.meeting_type);
  add("tildelt", f.assigned_to);
  add("søgning", f.text.substr(0, 200));
  return out.empty() ? "mine sager" : out;
}

}  // namespace

std::vector<storage::CaseRecord> Cases::search(const Actor& actor, const storage::CaseFilter& filter,
                                               const std::string& after, int limit, std::int64_t now_ms) {
  limit = std::clamp(limit, 1, 200);
  storage::CaseFilter f = filter;
  if (f.text.size() > 200) f.text.resize(200);
  return m_db.transaction([&](storage::Connection& conn) {
    auto rows = storage::search_cases(conn, actor.tenant, case_list_scope(actor), f, after, limit);
    audit::record(conn, actor, audit::Entry{audit::Action::search, "case", "", "", "Oversigt over egne sager",
                                            criterion_of(f)},
                  now_ms);
    return rows;
  });
}

CaseFilterChoices CaseSearch::case_filter_choices(const Actor& actor) {
  CaseFilterChoices out;
  if (!actor.is_staff()) return out;
  const std::vector<const domain::Model*> all = m_models.all();
  std::set<std::string> seen_states, seen_types;
  for (const auto* m : all) {
    for (const auto& s : m->case_machine.states) {
      if (seen_states.insert(s.id).second) out.states.emplace_back(s.id, s.name);
    }
    for (const auto& t : m->meeting_types) {
      if (seen_types.insert(t.id).second) out.meeting_types.emplace_back(t.id, t.name);
    }
  }
  m_db.transaction([&](storage::Connection& conn) {
    for (const auto& u : storage::all_units(conn, actor.tenant)) out.units.emplace_back(u.id, u.name);
    out.assignees = storage::case_assignees(conn, actor.tenant);
  });
  std::sort(out.units.begin(), out.units.end(), [](const Choice& a, const Choice& b) { return a.second < b.second; });
  return out;
}

}  // namespace samspil::service
