// Model loader: professions, consent scopes and the pieces meeting types and forums share
// (participants, roles, deadlines, duties, time windows), plus calendar settings.
#include <algorithm>
#include <array>
#include <set>

#include "domain/model_reader.hpp"

namespace samspil::domain::detail {
namespace {

bool in(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// True when id takes part in a meeting with these participants, directly or via a group.
bool takes_part(Reader& r, const Participants& who, const std::string& id) {
  if (in(who.excluded, id)) return false;
  if (in(who.fixed, id) || in(who.possible, id) || contains(kGroups, id)) return true;
  const Profession* p = nullptr;
  for (const auto& prof : r.model().professions)
    if (prof.id == id) p = &prof;
  auto listed = [&](const std::string& g) { return in(who.fixed, g) || in(who.possible, g); };
  if (listed("any_professional") && r.ids().professions.count(id)) return true;
  if (p == nullptr) return false;
  return (p->side == Side::local && listed("local_professionals")) ||
         (p->side == Side::external && listed("external_professionals"));
}

std::optional<int> parse_clock(const std::string& s) {
  const auto colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
  int h = 0, m = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == colon) continue;
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    (i < colon ? h : m) = (i < colon ? h : m) * 10 + (s[i] - '0');
  }
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::optional<int> parse_weekday(const std::string& s) {
  static const std::array<std::string_view, 7> da = {"mandag", "tirsdag", "onsdag", "torsdag",
                                                     "fredag", "lørdag",  "søndag"};
  static const std::array<std::string_view, 7> en = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i)
    if (s == da[i] || s == en[i] || s == std::to_string(i + 1)) return i + 1;
  return std::nullopt;
}

}  // namespace

void parse_professions(Reader& r, const YAML::Node& list) {
  if (!r.expect_list(list, "professions")) return;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"id", "name", "side", "decides", "rule", "rules"}, "en faggruppe")) continue;
    Profession p;
    p.id = r.text(item, "id", "en faggruppe", true).value_or("");
    p.name = r.text(item, "name", "faggruppen '" + p.id + "'", true).value_or(p.id);
    const auto side = r.text(item, "side", "faggruppen '" + p.id + "'", true);
    if (side && *side == "external") p.side = Side::external;
    else if (side && *side != "local")
      r.error(at(item, "side"), "'side' skal være local eller external, ikke '" + *side + "'");
    for (auto& [d, node] : r.texts(item, "decides", "faggruppen '" + p.id + "'")) p.decides.push_back(d);
    p.rules = r.rules(item, "professions[" + p.id + "]");
    r.model().professions.push_back(std::move(p));
  }
}

void parse_consent_scopes(Reader& r, const YAML::Node& list) {
  if (!r.expect_list(list, "consent_scopes")) return;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"id", "name", "rule", "rules"}, "et samtykke")) continue;
    ConsentScope c;
    c.id = r.text(item, "id", "et samtykke", true).value_or("");
    c.name = r.text(item, "name", "samtykket '" + c.id + "'", true).value_or(c.id);
    c.rules = r.rules(item, "consent_scopes[" + c.id + "]");
    r.model().consent_scopes.push_back(std::move(c));
  }
}

Participants parse_participants(Reader& r, const YAML::Node& map, const std::string& where) {
  Participants out;
  if (!map.IsDefined() || map.IsNull()) return out;
  if (!r.expect_map(map, {"fixed", "possible", "excluded", "rule", "rules"}, where + ".participants"))
    return out;
  auto read = [&](std::string_view key, std::vector<std::string>& into) {
    for (auto& [id, node] : r.texts(map, key, where + ".participants"))
      if (r.check_party(id, node)) into.push_back(id);
  };
  read("fixed", out.fixed);
  read("possible", out.possible);
  for (auto& [id, node] : r.texts(map, "excluded", where + ".participants")) {
    if (!r.check_party(id, node)) continue;
    if (in(out.fixed, id) || in(out.possible, id))
      r.error(node, "'" + id + "' er både deltager og udelukket");
    out.excluded.push_back(id);
  }
  out.rules = r.rules(map, where + ".participants");
  return out;
}

std::vector<RoleAssignment> parse_roles(Reader& r, const YAML::Node& map, const Participants& who,
                                        const std::string& where) {
  std::vector<RoleAssignment> out;
  if (!map.IsDefined() || map.IsNull()) return out;
  if (!map.IsMap()) {
    r.error(map, where + ".roles skal være en tabel (rolle: indehaver)");
    return out;
  }
  std::set<std::string> seen;
  for (const auto& kv : map) {
    RoleAssignment a;
    a.role = kv.first.Scalar();
    if (!r.check_role(a.role, kv.first)) continue;
    if (!seen.insert(a.role).second) {
      r.error(kv.first, "Rollen '" + a.role + "' er angivet mere end én gang");
      continue;
    }
    const std::string what = where + ".roles." + a.role;
    std::vector<std::pair<std::string, YAML::Node>> holders;
    if (kv.second.IsScalar() || kv.second.IsSequence()) {
      holders = r.texts_of(kv.second, "holders", what);
    } else if (r.expect_map(kv.second, {"holder", "holders", "delegable", "delegable_to", "note", "rule", "rules"}, what)) {
      holders = r.texts(kv.second, "holder", what);
      auto more = r.texts(kv.second, "holders", what);
      holders.insert(holders.end(), more.begin(), more.end());
      a.delegable = r.boolean(kv.second, "delegable", what).value_or(false);
      for (auto& [id, node] : r.texts(kv.second, "delegable_to", what))
        if (r.check_party(id, node)) a.delegable_to.push_back(id);
      if (!a.delegable_to.empty()) a.delegable = true;
      a.note = r.text(kv.second, "note", what).value_or("");
      a.rules = r.rules(kv.second, what);
    }
    for (auto& [id, node] : holders) {
      if (!r.check_party(id, node)) continue;
      if (!takes_part(r, who, id))
        r.error(node, "'" + id + "' varetager rollen '" + a.role + "' men deltager ikke");
      a.holders.push_back(id);
    }
    if (holders.empty()) r.error(kv.first, "Rollen '" + a.role + "' varetages af ingen");
    out.push_back(std::move(a));
  }
  return out;
}

void check_role_held(Reader& r, const std::string& role, const YAML::Node& at,
                     const std::vector<RoleAssignment>& roles, std::string_view context) {
  if (!r.check_role(role, at) || contains(kImplicitRoles, role)) return;
  for (const auto& a : roles)
    if (a.role == role) return;
  r.error(at, "Rollen '" + role + "' i " + std::string(context) + " varetages af ingen");
}

std::vector<DeadlineRule> parse_deadlines(Reader& r, const YAML::Node& list,
                                          const std::vector<RoleAssignment>& roles,
                                          const std::string& where) {
  std::vector<DeadlineRule> out;
  if (!r.expect_list(list, where + ".deadlines")) return out;
  std::set<std::string> seen;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"id", "owner", "anchor", "offset", "unit", "fulfilled_by", "rule", "rules"}, "en frist")) continue;
    DeadlineRule d;
    d.id = r.text(item, "id", "en frist", true).value_or("");
    const std::string what = "fristen '" + d.id + "'";
    if (!d.id.empty() && !seen.insert(d.id).second) r.error(at(item, "id"), "Dubleret id '" + d.id + "'");
    if (auto owner = r.text(item, "owner", what, true)) {
      d.owner_role = *owner;
      check_role_held(r, d.owner_role, at(item, "owner"), roles, what);
    }
    if (auto anchor = r.text(item, "anchor", what)) {
      d.anchor = *anchor;
      if (!contains(kAnchors, d.anchor))
        r.error(at(item, "anchor"), "Ukendt anker '" + d.anchor + "' for " + what + " (kendte ankre: " + join(kAnchors) + ")");
    } else {
      r.error(item, "Fristen '" + d.id + "' er ikke forankret: angiv anchor (" + join(kAnchors) + ")");
    }
    d.offset = r.integer(item, "offset", what, true).value_or(0);
    const auto unit = r.text(item, "unit", what).value_or("calendar_days");
    if (unit == "working_days") d.unit = DayUnit::working_days;
    else if (unit == "weeks") d.offset *= 7;
    else if (unit != "calendar_days")
      r.error(at(item, "unit"), "Ukendt enhed '" + unit + "' (brug calendar_days, working_days eller weeks)");
    if (auto by = r.text(item, "fulfilled_by", what)) {
      d.fulfilled_by = *by;
      if (!contains(kFulfilments, d.fulfilled_by))
        r.error(at(item, "fulfilled_by"),
                "Ukendt opfyldelse '" + d.fulfilled_by + "' for " + what + " (kendte: " + join(kFulfilments) + ")");
    }
    auto rules = r.rules(item, where + ".deadlines[" + d.id + "]");
    if (!rules.empty()) d.rule = rules.front();
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Duty> parse_duties(Reader& r, const YAML::Node& list,
                               const std::vector<RoleAssignment>& roles, const std::string& where) {
  std::vector<Duty> out;
  if (!r.expect_list(list, where + ".duties")) return out;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"id", "owner", "text", "rule", "rules"}, "en pligt")) continue;
    Duty d;
    d.id = r.text(item, "id", "en pligt", true).value_or("");
    if (auto owner = r.text(item, "owner", "pligten '" + d.id + "'", true)) {
      d.owner_role = *owner;
      check_role_held(r, d.owner_role, at(item, "owner"), roles, "pligten '" + d.id + "'");
    }
    d.text = r.text(item, "text", "pligten '" + d.id + "'", true).value_or("");
    d.rules = r.rules(item, where + ".duties[" + d.id + "]");
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<TimeWindow> parse_windows(Reader& r, const YAML::Node& list, std::string_view what) {
  std::vector<TimeWindow> out;
  if (!r.expect_list(list, std::string(what))) return out;
  for (const auto& item : list) {
    if (!r.expect_map(item, {"weekday", "from", "to", "rule", "rules"}, "et tidsvindue")) continue;
    TimeWindow w;
    bool ok = true;
    if (auto day = r.text(item, "weekday", "et tidsvindue", true)) {
      if (auto d = parse_weekday(*day)) w.weekday = *d;
      else { r.error(at(item, "weekday"), "Ukendt ugedag '" + *day + "' (brug mandag … søndag)"); ok = false; }
    } else ok = false;
    for (auto [key, into] : {std::pair{"from", &w.from_minute}, std::pair{"to", &w.to_minute}}) {
      if (auto t = r.text(item, key, "et tidsvindue", true)) {
        if (auto m = parse_clock(*t)) *into = *m;
        else { r.error(at(item, key), "Ugyldigt klokkeslæt '" + *t + "' (brug TT:MM)"); ok = false; }
      } else ok = false;
    }
    r.rules(item, std::string(what));
    if (ok && w.from_minute >= w.to_minute) {
      r.error(item, "Tidsvinduet starter ikke før det slutter (from " + at(item, "from").Scalar() +
                        " er ikke før to " + at(item, "to").Scalar() + ")");
      continue;
    }
    if (ok) out.push_back(w);
  }
  return out;
}

void parse_closing_days(Reader& r, const YAML::Node& list) {
  if (!r.expect_list(list, "closing_days")) return;
  for (const auto& item : list) {
    YAML::Node date = item;
    if (item.IsMap()) {
      if (!r.expect_map(item, {"date", "name"}, "en lukkedag")) continue;
      date = at(item, "date");
      if (!date.IsDefined()) { r.error(item, "Mangler påkrævet nøgle 'date' i en lukkedag"); continue; }
    }
    const std::string s = date.IsScalar() ? date.Scalar() : "";
    auto num = [&](std::size_t at, std::size_t n) {
      int v = 0;
      for (std::size_t i = at; i < at + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
      }
      return v;
    };
    using namespace std::chrono;
    if (s.size() == 5 && s[2] == '-') {
      const month_day md{month(unsigned(num(0, 2))), day(unsigned(num(3, 2)))};
      if (num(0, 2) > 0 && num(3, 2) > 0 && md.ok()) { r.model().closing_days.yearly.push_back(md); continue; }
    } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
      const year_month_day d{year(num(0, 4)), month(unsigned(num(5, 2))), day(unsigned(num(8, 2)))};
      if (num(0, 4) > 0 && num(5, 2) > 0 && num(8, 2) > 0 && d.ok()) { r.model().closing_days.dates.push_back(d); continue; }
    }
    r.error(date, "Ugyldig lukkedag '" + s + "' (brug MM-DD for hvert år eller ÅÅÅÅ-MM-DD)");
  }
}

void parse_action_plan(Reader& r, const YAML::Node& map) {
  if (!r.expect_map(map, {"sections", "levels", "principles", "rule", "rules"}, "action_plan")) return;
  ActionPlanFormat a;
  for (auto& [s, n] : r.texts(map, "sections", "action_plan")) a.sections.push_back(s);
  for (auto& [s, n] : r.texts(map, "levels", "action_plan")) a.levels.push_back(s);
  for (auto& [s, n] : r.texts(map, "principles", "action_plan")) a.principles.push_back(s);
  a.rules = r.rules(map, "action_plan");
  r.model().action_plan = std::move(a);
}

}  // namespace samspil::domain::detail
