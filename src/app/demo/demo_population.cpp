// Demo Kommune at scale (issue 5 item 8): more units, a staff member of every profession in
// models/common/professions.yaml, 200 fictional children with guardians (two custody holders,
// one, or foster parents next to a custody holder) and a case per child in every state of
// the default model (ppr-vejen-ind) with timeline, what was tried, consents and PPR queue
// entries. Deterministic: a fixed-seed generator of our own (std distributions differ
// between standard libraries); dates are relative to the run's clock. No CPR numbers: the
// demo children have none, so nothing real-looking exists to leak. Written through storage
// functions in the caller's single transaction; no audit entries per row (the demo is one
// system action, not someone reading or changing a child's data).
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/demo/demo.hpp"
#include "crypto/password.hpp"
#include "storage/case_store.hpp"
#include "storage/child_store.hpp"
#include "storage/consent_store.hpp"
#include "storage/event_store.hpp"
#include "storage/guardian_store.hpp"
#include "storage/unit_store.hpp"
#include "storage/user_store.hpp"
#include "storage/user_store_admin.hpp"

namespace samspil::demo::demo_detail {
using namespace samspil::service;
namespace {

constexpr const char* kTenant = "demo";
constexpr std::int64_t kDay = 86'400'000;

// SplitMix64: tiny, fast, the same sequence everywhere.
struct Prng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(below(static_cast<int>(N)))]; }
};

struct ExtraUnit {
  const char* key;
  const char* kind;
  const char* name;
};
constexpr std::array<ExtraUnit, 9> kExtraUnits{{
    {"oestre", "school", "Østre Skole"},
    {"nordby", "school", "Nordby Skole"},
    {"soendermark", "school", "Søndermarkskolen"},
    {"maelkeboetten", "daycare", "Børnehuset Mælkebøtten"},
    {"skovmusen", "daycare", "Skovbørnehaven Skovmusen"},
    {"regnbuen", "daycare", "Vuggestuen Regnbuen"},
    {"ppr-oest", "ppr", "PPR Distrikt Øst"},
    {"familie", "authority", "Familierådgivningen"},
    {"sundhed", "health_visiting", "Børne- og Ungesundhed"},
}};

constexpr std::array<const char*, 4> kSchools{"vestre", "oestre", "nordby", "soendermark"};
constexpr std::array<const char*, 4> kDaycares{"solsikken", "maelkeboetten", "skovmusen", "regnbuen"};

// One staff member per profession of models/common/professions.yaml (a test checks the
// list against the file). role: the user's role; unit: where they work; leader: leads it.
struct Staff {
  const char* profession;
  const char* name;
  const char* role;
  const char* unit;
  bool leader;
};
constexpr std::array<Staff, 26> kStaff{{
    {"leader", "Bodil Skoleleder", "unit_leader", "oestre", true},
    {"pedagogical_leader", "Karin Pædagogisk Leder", "professional", "maelkeboetten", false},
    {"teacher", "Mads Lærer", "professional", "oestre", false},
    {"educator", "Sara Pædagog", "professional", "maelkeboetten", false},
    {"health_visitor", "Hanne Sundhedsplejerske", "professional", "sundhed", false},
    {"speech_teacher", "Tove Tale-hørelærer", "professional", "nordby", false},
    {"pedagogical_advisor", "Jens Ressourcekonsulent", "professional", "ppr-oest", false},
    {"ppr_psychologist", "Emil Psykolog", "professional", "ppr-oest", false},
    {"ppr_consultant", "Ida PPR-konsulent", "professional", "ppr", false},
    {"sup", "Niels Specialpædagog", "professional", "ppr", false},
    {"speech_therapist", "Lise Talepædagog", "professional", "ppr-oest", false},
    {"ppr_therapist", "Ole Fysioterapeut", "professional", "ppr", false},
    {"ppr_district_team", "Gitte Distriktsteam", "professional", "ppr-oest", false},
    {"social_worker", "Helle Socialrådgiver", "professional", "familie", false},
    {"school_social_worker", "Martin Skolesocialrådgiver", "professional", "soendermark", false},
    {"health_service", "Anja Børnelæge", "professional", "sundhed", false},
    {"competence_unit", "Per Kompetenceenhed", "professional", "familie", false},
    {"family_counselling", "Rikke Familierådgiver", "professional", "familie", false},
    {"youth_unit", "Kasper Ungeenhed", "professional", "familie", false},
    {"subject_consultant", "Vibeke Fagkonsulent", "professional", "familie", false},
    {"ssp", "Thomas SSP-konsulent", "professional", "familie", false},
    {"uu_counsellor", "Camilla UU-vejleder", "professional", "soendermark", false},
    {"head_of_prevention", "Søren Forebyggelseschef", "professional", "familie", false},
    {"ppr_management", "Birgitte PPR-leder Øst", "ppr_district_lead", "ppr-oest", true},
    {"authority_management", "Jørgen Myndighedsleder", "unit_leader", "familie", true},
    {"health_visitor_management", "Marianne Ledende Sundhedsplejerske", "unit_leader", "sundhed", true},
}};

constexpr std::array<const char*, 24> kFirstNames{
    "Alma",  "Asger", "Bertram", "Clara",  "Ellen", "Frej",  "Freja", "Hugo",  "Ida",   "Johan", "Karla", "Lærke",
    "Malthe", "Maja", "Noah",    "Nora",   "Oscar", "Rosa",  "Sigurd", "Sofie", "Storm", "Thea",  "Villads", "Ærø"};
constexpr std::array<const char*, 16> kLastNames{
    "Demo-Andersen", "Demo-Bach",    "Demo-Dahl",   "Demo-Friis",    "Demo-Holm",   "Demo-Juhl",
    "Demo-Kjær",     "Demo-Lund",    "Demo-Møller", "Demo-Nørgaard", "Demo-Østergaard", "Demo-Paulsen",
    "Demo-Riis",     "Demo-Skov",    "Demo-Thygesen", "Demo-Vestergaard"};
constexpr std::array<const char*, 4> kGuardianFirst{"Anders", "Birthe", "Mette", "Henrik"};

// Short, non-sensitive case titles (what a professional would write in the list).
constexpr std::array<const char*, 12> kTitles{
    "Trivsel i klassen",          "Sprog og udtale",          "Koncentration i undervisningen",
    "Overgang fra børnehave til skole", "Samspil med andre børn", "Gråd ved aflevering om morgenen",
    "Fravær fra skolen",          "Motorik og leg på legepladsen", "Søvn og træthed i hverdagen",
    "Samarbejde om læsning",      "Uro i frikvartererne",     "Bekymring for trivsel i gruppen"};

// The default model's road into PPR, one step per state after the first.
struct Step {
  const char* state;
  const char* via;
};
constexpr std::array<Step, 7> kPath{{{"bekymring", ""},
                                     {"intern_sparring", "sparring_holdt"},
                                     {"kv", "kv_skole"},
                                     {"henvendelse", "henvendelse_enkeltbarn"},
                                     {"distrikt", "distriktsmoede"},
                                     {"forloeb", "opstartsmoede"},
                                     {"lukket", "bekymring_loest"}}};

std::string two(int n) {
  char b[8];
  std::snprintf(b, sizeof b, "%03d", n);
  return b;
}

std::string uid(const char* unit_key) { return std::string("demo-unit-") + unit_key; }

struct Writer {
  storage::Connection& conn;
  const crypto::FieldCipher* cipher;
  std::int64_t now;
  int events = 0;
  std::vector<storage::CaseEventRow> pending;  // written after their case (foreign key)

  void event(const std::string& case_id, std::int64_t at, const std::string& actor, const char* kind,
             const nlohmann::json& detail) {
    pending.push_back({"demo-event-" + std::to_string(++events), kTenant, case_id, at, actor, kind, detail.dump()});
  }
  void flush() {
    for (const auto& e : pending) storage::append_case_event(conn, e);
    pending.clear();
  }
};

}  // namespace

void seed_population(storage::Connection& conn, DemoIds& ids, const crypto::FieldCipher* cipher, std::int64_t now_ms) {
  Prng rng{20261123};
  for (const auto& u : kExtraUnits) {
    storage::insert_unit(conn, {uid(u.key), kTenant, "", u.kind, u.name, now_ms});
    ids.units[u.key] = uid(u.key);
  }
  // One hash for every generated staff member (the same published password): Argon2id is
  // deliberately slow, and 26 hashes would dominate the demo's run time.
  const std::string staff_hash = crypto::hash_password(kDemoStaffPassword);
  std::map<std::string, std::string> by_profession;  // profession -> user id
  for (const auto& s : kStaff) {
    const std::string id = std::string("demo-staff-") + s.profession;
    std::string email = s.profession;
    for (auto& c : email) if (c == '_') c = '-';
    email += "@demo-kommune.invalid";
    storage::insert_user(conn, {id, kTenant, email, std::string(s.name) + " (demo)", staff_hash, s.role, now_ms});
    storage::replace_user_professions(conn, kTenant, id, {s.profession});
    storage::replace_user_memberships(conn, kTenant, id, {{uid(s.unit), s.leader}});
    ids.users[email] = id;
    by_profession[s.profession] = id;
  }
  const std::string ppr_west_staff = ids.users.at("psykolog@demo-kommune.invalid");
  const std::string ppr_east_staff = by_profession.at("ppr_psychologist");

  Writer w{conn, cipher, now_ms, 0, {}};
  for (int i = 1; i <= kDemoChildren; ++i) {
    const std::string n = two(i);
    const bool school = i % 2 == 0;
    const int age = school ? 6 + rng.below(10) : 1 + rng.below(5);
    const char* unit_key = school ? rng.pick(kSchools) : rng.pick(kDaycares);
    char birth[16];
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", 2026 - age, 1 + rng.below(12), 1 + rng.below(28));
    const std::string child_id = "demo-child-" + n;
    const std::string last = rng.pick(kLastNames);
    storage::insert_child(conn, {child_id, kTenant, rng.pick(kFirstNames), last, birth, "", "", uid(unit_key),
                                 school ? std::to_string(age - 5) + ". klasse" : "", now_ms, now_ms});

    // Guardians: 0-4 one custody holder; 5-8 two; 9 a custody holder and foster parents.
    const int kind = rng.below(10);
    std::vector<std::pair<std::string, bool>> custody;  // (user id, has custody)
    const int guardians = kind <= 4 ? 1 : (kind <= 8 ? 2 : 3);
    for (int g = 0; g < guardians; ++g) {
      const bool foster = kind == 9 && g > 0;
      const std::string gid = "demo-guardian-" + n + "-" + std::string(1, static_cast<char>('a' + g));
      const std::string name = std::string(kGuardianFirst[static_cast<std::size_t>((i + g) % 4)]) + " " + last +
                               (foster ? " (plejeforælder, demo)" : " (demo)");
      // No password: the generated guardians are for the staff's lists, not for signing in.
      storage::insert_user(conn, {gid, kTenant, "foraelder-" + n + "-" + std::string(1, static_cast<char>('a' + g)) +
                                                    "@demo-kommune.invalid",
                                  name, "", "guardian", now_ms});
      storage::upsert_guardianship(conn, kTenant, {child_id, gid, foster ? "foster_parent" : "parent", !foster, now_ms});
      custody.emplace_back(gid, !foster);
    }

    // The case: state i % 7 so every state of the model holds about 28 cases.
    const int reached = (i - 1) % static_cast<int>(kPath.size());
    const std::string creator = school ? ids.users.at("laerer@demo-kommune.invalid")
                                       : ids.users.at("paedagog@demo-kommune.invalid");
    const bool east = unit_key == std::string("oestre") || unit_key == std::string("nordby") ||
                      unit_key == std::string("maelkeboetten");
    storage::CaseRecord c;
    c.id = "demo-case-" + n;
    c.tenant = kTenant;
    c.child_id = child_id;
    c.model_id = "ppr-vejen-ind";
    c.state = kPath[static_cast<std::size_t>(reached)].state;
    c.title = rng.pick(kTitles);
    c.unit_id = uid(unit_key);
    c.created_by = creator;
    std::int64_t at = now_ms - (20 + reached * 14 + rng.below(10)) * kDay;
    c.opened_at_ms = c.created_at_ms = at;
    w.event(c.id, at, creator, "registered", {{"state", "bekymring"}});
    std::vector<std::pair<std::string, std::string>> participants{{creator, "initiator"}};
    for (int s = 1; s <= reached; ++s) {
      at += (7 + rng.below(7)) * kDay;
      const auto& step = kPath[static_cast<std::size_t>(s)];
      const char* via = step.via;
      if (s == 2 && !school) via = "kv_dagtilbud";
      if (s == 2) {
        // What was tried is recorded before the consultation (F3); sealed like any note.
        if (cipher != nullptr) c.tried_encrypted = cipher->seal("Demo: tiltag afprøvet i gruppen i fire uger.");
        c.tried_recorded_at_ms = at - kDay;
        w.event(c.id, at - kDay, creator, "tried_recorded", nlohmann::json::object());
      }
      if (s == 3) {
        // The request about one child needs the custody holders' consent (P1).
        int k = 0;
        for (const auto& [gid, has_custody] : custody) {
          if (!has_custody) continue;
          storage::insert_consent(conn, {c.id + "-consent-" + std::to_string(++k), kTenant, child_id, gid,
                                         "ppr_request_single_child", "Henvendelse til PPR om barnet",
                                         "Skole/dagtilbud og PPR", at - kDay, k % 2 ? "portal" : "paper", "",
                                         std::nullopt, std::nullopt, creator, at - kDay});
        }
        c.ppr_unit_id = uid(east ? "ppr-oest" : "ppr");
        c.ppr_requested_at_ms = at;
      }
      nlohmann::json detail{{"from", kPath[static_cast<std::size_t>(s - 1)].state}, {"to", step.state}, {"via", via}};
      if (s == 3) detail["ppr_unit_id"] = c.ppr_unit_id;
      if (s == 6) {
        c.closed_at_ms = at;
        c.close_reason = "Bekymringen er løst";
        c.retention_until_ms = at + 5LL * 365 * kDay;
      }
      w.event(c.id, at, creator, s == 6 ? "closed" : "moved", detail);
      if (s == 4) {
        c.assigned_to = east ? ppr_east_staff : ppr_west_staff;
        participants.emplace_back(c.assigned_to, "ppr_staff");
        w.event(c.id, at, east ? by_profession.at("ppr_management") : ids.users.at("ppr-leder@demo-kommune.invalid"),
                "assigned", {{"user_id", c.assigned_to}});
      }
    }
    c.updated_at_ms = at;
    storage::insert_case(conn, c);
    w.flush();
    for (const auto& [user, role] : participants) storage::upsert_participant(conn, kTenant, {c.id, user, role, c.opened_at_ms});
  }
}

}  // namespace samspil::demo::demo_detail
