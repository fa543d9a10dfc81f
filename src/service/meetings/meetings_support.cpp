#include <algorithm>
#include <chrono>

#include "crypto/random.hpp"
#include "domain/deadlines.hpp"
#include "jobs/queue.hpp"
#include "service/base/errors.hpp"
#include "service/meetings/date_polls.hpp"
#include "service/meetings/meetings_internal.hpp"
#include "storage/case_store.hpp"
#include "storage/event_store.hpp"
#include "storage/guardian_store.hpp"

namespace samspil::service::meetings_detail {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

void add_unique(std::vector<std::string>& v, const std::string& x) {
  if (!x.empty() && !contains(v, x)) v.push_back(x);
}

}  // namespace

std::vector<Candidate> candidates(storage::Connection& conn, const domain::Model& model,
                                  const storage::CaseRecord& record, const Actor& actor) {
  // Staff close to the case: the convener, the case's participants, the assigned PPR staff
  // member and the leaders of the child's current unit.
  std::vector<std::string> staff_ids;
  if (actor.is_staff()) add_unique(staff_ids, actor.user_id);
  for (const auto& p : storage::case_participants(conn, record.tenant, record.id)) add_unique(staff_ids, p.user_id);
  add_unique(staff_ids, record.assigned_to);
  std::vector<std::string> leaders;
  if (!record.child_unit_id.empty()) leaders = storage::unit_leader_ids(conn, record.tenant, record.child_unit_id);
  for (const auto& id : leaders) add_unique(staff_ids, id);

  std::vector<Candidate> out;
  for (const auto& u : storage::meeting_candidates(conn, record.tenant, staff_ids)) {
    if (u.disabled || u.role == "guardian" || u.role == "administrator") continue;
    Candidate c;
    c.person = ProposedParticipant{"professional", u.user_id, u.professions.empty() ? "" : u.professions.front(),
                                   u.display_name, u.email, false, true};
    c.groups.push_back("any_professional");
    bool local = false, external = false;
    for (const auto& p : u.professions) {
      c.groups.push_back(p);
      if (const auto* prof = model.profession(p)) {
        (prof->side == domain::Side::external ? external : local) = true;
      }
    }
    const bool leads = contains(leaders, u.user_id);
    if (leads || contains(u.professions, "leader")) {
      add_unique(c.groups, "leader");
      local = true;
      if (c.person.role_in_case.empty()) c.person.role_in_case = "leader";
    }
    // Without a profession a member of the child's unit counts as local staff.
    if (!local && !external) local = true;
    if (local) c.groups.push_back("local_professionals");
    if (external) c.groups.push_back("external_professionals");
    if (c.person.role_in_case.empty()) c.person.role_in_case = "professional";
    out.push_back(std::move(c));
  }
  // Guardians with custody are "the parents".
  std::vector<std::string> guardian_ids;
  for (const auto& g : storage::guardianships_of_child(conn, record.tenant, record.child_id)) {
    if (g.has_custody) guardian_ids.push_back(g.user_id);
  }
  for (const auto& u : storage::meeting_candidates(conn, record.tenant, guardian_ids)) {
    if (u.disabled) continue;
    Candidate c;
    c.person = ProposedParticipant{"guardian", u.user_id, "parents", u.display_name, u.email, false, true};
    c.groups = {"parents"};
    out.push_back(std::move(c));
  }
  Candidate child;
  child.person = ProposedParticipant{"child", "", "child", "Barnet", "", false, false};
  child.groups = {"child"};
  out.push_back(std::move(child));
  return out;
}

bool matches_any(const Candidate& c, const std::vector<std::string>& groups) {
  for (const auto& g : groups) {
    if (contains(c.groups, g)) return true;
  }
  return false;
}

bool excludes_parents(const domain::MeetingType& type) { return contains(type.participants.excluded, "parents"); }

ConveneOption option_of(const domain::MeetingType& type, const domain::ConveneCheck& check) {
  ConveneOption o;
  o.type_id = type.id;
  o.name = type.name;
  o.allowed = check.allowed;
  for (const auto& r : check.refusals) o.reasons.push_back(r.reason);
  o.without_parents = excludes_parents(type);
  o.default_duration_minutes = type.default_duration_minutes;
  o.parents_choose_date = date_polls::parents_choose_date(type);
  o.date_proposals = o.parents_choose_date ? date_polls::kDefaultProposals : 0;
  return o;
}

domain::Course parse_course(const std::string& course) {
  if (course.empty() || course == "same") return domain::Course::same;
  if (course == "new_course") return domain::Course::new_course;
  throw Invalid(FieldErrors{{"course", "Vælg om mødet fortsætter samme forløb eller starter et nyt"}});
}

std::optional<std::int64_t> acceptance_due(const domain::Model& model, const domain::MeetingType& type,
                                           std::int64_t invitation_sent_ms, std::int64_t starts_ms) {
  using std::chrono::seconds;
  domain::Facts facts;
  facts.emplace(std::string(domain::k_anchor_invitation_sent), domain::Instant{seconds{invitation_sent_ms / 1000}});
  facts.emplace(std::string(domain::k_anchor_meeting_start), domain::Instant{seconds{starts_ms / 1000}});
  for (const auto& o : domain::compute_deadlines(model, type, facts)) {
    if (o.id == "accept_invitation" && o.due) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(o.due->time_since_epoch()).count();
    }
  }
  return std::nullopt;
}

void schedule_reminder(storage::Connection& conn, const std::string& public_base_url,
                       const storage::MeetingRecord& meeting, std::int64_t now_ms) {
  if (!meeting.acceptance_due_at_ms || *meeting.acceptance_due_at_ms <= now_ms) return;
  const std::int64_t run_at = now_ms + (*meeting.acceptance_due_at_ms - now_ms) / 2;
  const nlohmann::json payload{
      {"meeting_id", meeting.id}, {"sequence", meeting.ical_sequence}, {"base_url", public_base_url}};
  jobs::enqueue(conn, jobs::NewJob{kMeetingReminderJob, payload.dump(), meeting.tenant, run_at, 5}, now_ms);
}

bool may_manage(const ReachedMeeting& reached) { return may_change_case(reached.reached_case.relation); }

}  // namespace samspil::service::meetings_detail
