#include "app/commands/time_commands.hpp"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_support.hpp"
#include "app/model_files.hpp"
#include "domain/calendar.hpp"
#include "domain/deadlines.hpp"
#include "domain/model.hpp"
#include "domain/slots.hpp"

namespace samspil::app {

namespace {

using domain::Instant;
using json = nlohmann::ordered_json;  // keeps id, owner, due, unit, rule in that order

domain::Model load_valid_model(const std::string& path) {
  if (!read_text_file(path)) throw CommandError("kan ikke læse modelfilen: " + path);
  domain::LoadResult result = load_model_from_disk(path);
  if (!result.model) {
    std::string message = "modellen er ugyldig: ";
    message += result.errors.empty() ? path : result.errors.front().to_string();
    if (result.errors.size() > 1)
      message += " (og " + std::to_string(result.errors.size() - 1) + " fejl mere; se `samspil model check`)";
    throw CommandError(message);
  }
  return std::move(*result.model);
}

const domain::MeetingType& find_type(const domain::Model& model, const std::string& id) {
  if (const auto* type = model.meeting_type(id)) return *type;
  std::string known;
  for (const auto& t : model.meeting_types) known += (known.empty() ? "" : ", ") + t.id;
  throw CommandError("ukendt mødetype '" + id + "' i modellen (kendte: " + known + ")");
}

Instant parse_time(const std::string& text, const std::string& what) {
  if (auto t = domain::parse_iso_time(text)) return *t;
  throw CommandError("ugyldigt tidspunkt for " + what + ": '" + text +
                     "' (brug fx 2027-04-08T09:00 eller 2027-04-08T09:00+02:00)");
}

json parse_json_file(const std::string& path) {
  const auto text = read_text_file(path);
  if (!text) throw CommandError("kan ikke læse filen: " + path);
  try {
    return json::parse(*text);
  } catch (const json::parse_error& e) {
    throw CommandError(path + ": ugyldig JSON (" + e.what() + ")");
  }
}

// [["start", "end"], ...] -> intervals; `where` names the place in the file for errors.
std::vector<domain::Interval> parse_intervals(const json& list, const std::string& where) {
  if (!list.is_array()) throw CommandError(where + ": forventede en liste af [start, slut]");
  std::vector<domain::Interval> result;
  result.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& pair = list[i];
    const std::string at = where + "[" + std::to_string(i) + "]";
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
      throw CommandError(at + ": forventede [\"start\", \"slut\"] som tekst");
    const Instant start = parse_time(pair[0].get<std::string>(), at);
    const Instant end = parse_time(pair[1].get<std::string>(), at);
    if (end < start) throw CommandError(at + ": slut ligger før start");
    result.push_back({start, end});
  }
  return result;
}

struct DeadlineOptions {
  std::string model;
  std::string meeting_type;
  std::string start, end, invited, submitted, case_closed;
};

void run_deadlines(const DeadlineOptions& o) {
  const domain::Model model = load_valid_model(o.model);
  const domain::MeetingType& type = find_type(model, o.meeting_type);
  domain::Facts facts;
  const auto add = [&facts](std::string_view anchor, const std::string& text, const char* option) {
    if (!text.empty()) facts.emplace(std::string{anchor}, parse_time(text, option));
  };
  add(domain::k_anchor_meeting_start, o.start, "--start");
  add(domain::k_anchor_meeting_end, o.end, "--end");
  add(domain::k_anchor_invitation_sent, o.invited, "--invited");
  add(domain::k_anchor_item_submitted, o.submitted, "--submitted");
  add(domain::k_anchor_case_closed, o.case_closed, "--case-closed");
  if (facts.contains(domain::k_anchor_meeting_end) &&
      facts.at(std::string{domain::k_anchor_meeting_end}) < facts.at(std::string{domain::k_anchor_meeting_start}))
    throw CommandError("--end ligger før --start");

  json out = json::array();
  for (const domain::Obligation& ob : domain::compute_deadlines(model, type, facts)) {
    json item{{"id", ob.id},
              {"owner", ob.owner_role},
              {"due", ob.due ? json(domain::format_local_iso(*ob.due)) : json(nullptr)},
              {"unit", domain::to_string(ob.unit)},
              {"rule", ob.rule},
              {"anchor", ob.anchor},
              {"offset", ob.offset},
              {"closed_day", ob.lands_on_closed_day()}};
    if (ob.lands_on_closed_day()) item["closed_day_reason"] = ob.due_day.name;
    out.push_back(std::move(item));
  }
  std::cout << out.dump(2) << "\n";
}

struct SlotOptions {
  std::string model;
  std::string meeting_type;
  std::string not_before, not_after, now;
  std::string busy_file, fixed_file;
  std::size_t count = 5;
  int duration = 0;
  int step = 15;
};

void run_slots(const SlotOptions& o) {
  if (o.not_before.empty() && o.now.empty()) throw CommandError("angiv --not-before eller --now");
  const domain::Model model = load_valid_model(o.model);
  const domain::MeetingType& type = find_type(model, o.meeting_type);
  Instant not_before = o.not_before.empty() ? Instant{} : parse_time(o.not_before, "--not-before");
  if (!o.now.empty()) {
    // The earliest start that still lets every "before the meeting" deadline be met.
    not_before = std::max(not_before,
                          domain::earliest_start(parse_time(o.now, "--now"), type, model.closing_days));
  }
  domain::SlotQuery query = domain::slot_query_for(model, type, not_before);
  query.count = o.count;
  query.step = std::chrono::minutes{o.step};
  if (o.duration > 0) query.duration = std::chrono::minutes{o.duration};
  if (!o.not_after.empty()) query.not_after = parse_time(o.not_after, "--not-after");

  domain::BusyLists busy;
  if (!o.busy_file.empty()) {
    const json doc = parse_json_file(o.busy_file);
    if (!doc.is_object())
      throw CommandError(o.busy_file + ": forventede {\"person\": [[\"start\", \"slut\"], ...]}");
    for (const auto& [person, list] : doc.items())
      busy.push_back(parse_intervals(list, o.busy_file + ": " + person));
  }
  if (!o.fixed_file.empty()) query.fixed_slots = parse_intervals(parse_json_file(o.fixed_file), o.fixed_file);

  json out = json::array();
  for (const domain::Interval& slot : domain::find_slots(query, busy))
    out.push_back({{"start", domain::format_local_iso(slot.start)}, {"end", domain::format_local_iso(slot.end)}});
  std::cout << out.dump(2) << "\n";
}

}  // namespace

void add_time_commands(CLI::App& app) {
  auto d = std::make_shared<DeadlineOptions>();
  CLI::App* deadlines = app.add_subcommand(
      "deadlines",
      "Print a meeting's obligations (who must do what by when) as JSON. Times are Copenhagen "
      "local time (2027-04-08T09:00) or carry an offset (2027-04-08T09:00+02:00)");
  deadlines->add_option("--model", d->model, "Collaboration model file (YAML)")->required();
  deadlines->add_option("--meeting-type", d->meeting_type, "Meeting type id in the model")->required();
  deadlines->add_option("--start", d->start, "Meeting start")->required();
  deadlines->add_option("--end", d->end, "Meeting end (default: start + the type's duration)");
  deadlines->add_option("--invited", d->invited, "When the invitation was sent");
  deadlines->add_option("--submitted", d->submitted, "When the item/request was submitted");
  deadlines->add_option("--case-closed", d->case_closed, "When the case was closed");
  deadlines->callback([d] { run_deadlines(*d); });

  auto s = std::make_shared<SlotOptions>();
  CLI::App* slots = app.add_subcommand(
      "slots",
      "Print the first free meeting times as JSON: inside the type's time windows (default "
      "Mon-Fri 08:00-16:00), on working days, outside everyone's busy times");
  slots->add_option("--model", s->model, "Collaboration model file (YAML)")->required();
  slots->add_option("--meeting-type", s->meeting_type, "Meeting type id in the model")->required();
  slots->add_option("--not-before", s->not_before, "Earliest start");
  slots->add_option("--now", s->now,
                    "Current time: start late enough that the type's before-meeting deadlines can be met");
  slots->add_option("--not-after", s->not_after, "Latest end (default: one year after the earliest start)");
  slots->add_option("--busy", s->busy_file, "JSON file {\"person\": [[\"start\", \"end\"], ...]}");
  slots->add_option("--fixed", s->fixed_file,
                    "JSON file [[\"start\", \"end\"], ...]: agreed booking slots (F4) used instead of the windows");
  slots->add_option("--count", s->count, "How many slots (0 = all until --not-after)")->default_val(5);
  slots->add_option("--duration", s->duration, "Minutes (default: the type's duration)")
      ->check(CLI::PositiveNumber);
  slots->add_option("--step", s->step, "Start times are multiples of this many minutes")
      ->default_val(15)
      ->check(CLI::Range(1, 60));
  slots->callback([s] { run_slots(*s); });
}

}  // namespace samspil::app
