// Loading a collaboration model: reading the root file and its includes (through the
// injected ReadFile, so this stays free of I/O), collecting every declared id first so that
// references may point forward and across files, then parsing and checking each section.
#include "domain/model.hpp"

#include <algorithm>
#include <filesystem>

#include "domain/model_reader.hpp"

namespace samspil::domain {

const MeetingType* Model::meeting_type(std::string_view id) const {
  for (const auto& t : meeting_types)
    if (t.id == id) return &t;
  return nullptr;
}

const Forum* Model::forum(std::string_view id) const {
  for (const auto& f : forums)
    if (f.id == id) return &f;
  return nullptr;
}

const Profession* Model::profession(std::string_view id) const {
  for (const auto& p : professions)
    if (p.id == id) return &p;
  return nullptr;
}

bool Model::expresses(std::string_view rule) const {
  return std::any_of(rule_refs.begin(), rule_refs.end(), [&](const RuleRef& r) { return r.rule == rule; });
}

const RoleAssignment* MeetingType::role(std::string_view r) const {
  for (const auto& a : roles)
    if (a.role == r && !a.holders.empty()) return &a;
  return nullptr;
}

const DocumentUse* MeetingType::agreement_document() const {
  for (const auto& d : documents)
    if (d.kind == "agreement") return &d;
  for (const auto& d : documents)
    if (d.kind == "action_plan") return &d;
  return nullptr;
}

const CaseState* CaseMachine::state(std::string_view id) const {
  for (const auto& s : states)
    if (s.id == id) return &s;
  return nullptr;
}

std::string CaseMachine::triage_via(std::string_view decision) const {
  const auto it = triage.find(decision);
  return it != triage.end() ? it->second : std::string();
}

std::string Diagnostic::to_string() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

namespace {

using detail::Pos;

struct Doc {
  std::string path;
  YAML::Node root;
};

class Loader {
 public:
  Loader(const ReadFile& read, Model& model, std::vector<Diagnostic>& errors)
      : m_read(read), m_reader(model, errors) {}

  void run(const std::string& path) {
    load(path, Pos{path, 1, 1});
    // A file that cannot be read or parsed would make every later check report follow-on
    // errors (unknown ids it declares); report the real problem alone, as a compiler does.
    if (m_reader.error_count() > 0 || m_docs.empty()) return;
    collect_ids();
    Pos initial_pos;
    for (std::size_t i = 0; i < m_docs.size(); ++i) parse(m_docs[i], i + 1 == m_docs.size(), initial_pos);
    detail::check_case_machine(m_reader, initial_pos);
    for (const auto& d : m_docs) m_reader.model().files.push_back(d.path);
  }

  std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& d : m_docs) out.push_back(d.path);
    return out;
  }

 private:
  // Reads path and, depth first, the files it includes; included files come before it.
  void load(const std::string& path, const Pos& from) {
    if (std::find(m_stack.begin(), m_stack.end(), path) != m_stack.end()) {
      std::string chain;
      for (const auto& p : m_stack) chain += p + " -> ";
      m_reader.error(from, "Include-løkke: " + chain + path);
      return;
    }
    if (std::any_of(m_docs.begin(), m_docs.end(), [&](const Doc& d) { return d.path == path; })) return;
    const auto text = m_read(path);
    if (!text) {
      m_reader.error(from, "Filen '" + path + "' findes ikke eller kan ikke læses");
      return;
    }
    m_reader.set_file(path);
    YAML::Node root;
    try {
      root = YAML::Load(*text);
    } catch (const YAML::Exception& e) {
      const bool has_mark = !e.mark.is_null();
      m_reader.error(Pos{path, has_mark ? e.mark.line + 1 : 1, has_mark ? e.mark.column + 1 : 1},
                     "YAML-syntaksfejl: " + e.msg);
      return;
    }
    if (!root.IsMap()) {
      m_reader.error(root, root.IsNull() ? "Filen er tom; en model er en tabel (nøgle: værdi)"
                                         : "En model skal være en tabel (nøgle: værdi)");
      return;
    }
    m_stack.push_back(path);
    const auto dir = std::filesystem::path(path).parent_path();
    for (auto& [inc, node] : m_reader.texts(root, "include", "include")) {
      const auto target = (dir / inc).lexically_normal().string();
      load(target, m_reader.pos(node));
      m_reader.set_file(path);
    }
    m_stack.pop_back();
    m_docs.push_back({path, root});
  }

  void collect(const YAML::Node& list, std::map<std::string, Pos, std::less<>>& into, bool profession) {
    if (!list.IsSequence()) return;
    for (const auto& item : list) {
      if (!item.IsMap() || !detail::at(item, "id").IsScalar()) continue;
      const YAML::Node id_node = detail::at(item, "id");
      const std::string id = id_node.Scalar();
      const bool well_formed = !id.empty() && id[0] != '_' && id[0] != '-' &&
                               std::all_of(id.begin(), id.end(), [](char c) {
                                 return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                               });
      if (!well_formed) {
        m_reader.error(id_node, "Ugyldigt id '" + id + "' (brug små bogstaver a-z, tal, _ og -)");
        continue;
      }
      if (profession && (detail::contains(detail::kRelations, id) || detail::contains(detail::kGroups, id))) {
        m_reader.error(id_node, "Faggruppen '" + id + "' har samme id som en indbygget relation eller gruppe");
        continue;
      }
      const Pos here = m_reader.pos(id_node);
      auto [it, fresh] = into.emplace(id, here);
      if (!fresh)
        m_reader.error(here, "Dubleret id '" + id + "' (første gang i " + it->second.file + ":" +
                                 std::to_string(it->second.line) + ":" + std::to_string(it->second.column) + ")");
    }
  }

  // Pass 1: every id declared in any file, so references can be checked in pass 2.
  void collect_ids() {
    auto& ids = m_reader.ids();
    for (const auto& d : m_docs) {
      m_reader.set_file(d.path);
      collect(detail::at(d.root, "professions"), ids.professions, true);
      collect(detail::at(d.root, "consent_scopes"), ids.consent_scopes, false);
      collect(detail::at(d.root, "meeting_types"), ids.meeting_types, false);
      collect(detail::at(d.root, "forums"), ids.forums, false);
      const YAML::Node c = detail::at(d.root, "case");
      if (c.IsMap()) {
        collect(detail::at(c, "states"), ids.states, false);
        collect(detail::at(c, "events"), ids.events, false);
      }
    }
    // Forums, meeting types and events share one namespace as the `via` of a case move.
    for (const auto& [id, pos] : ids.forums)
      if (ids.meeting_types.count(id) || ids.events.count(id))
        m_reader.error(pos, "Dubleret id '" + id + "' (både forum og mødetype eller hændelse)");
  }

  // Pass 2: one file's sections.
  void parse(const Doc& d, bool is_root, Pos& initial_pos) {
    m_reader.set_file(d.path);
    const YAML::Node& n = d.root;
    if (!m_reader.expect_map(n, {"id", "name", "description", "include", "professions", "consent_scopes",
                                 "meeting_types", "forums", "transitions", "case", "action_plan", "closing_days", "consent",
                                 "request_form"},
                             "modellen"))
      return;
    Model& model = m_reader.model();
    if (is_root) {
      model.id = m_reader.text(n, "id", "modellen", true).value_or("");
      model.name = m_reader.text(n, "name", "modellen", true).value_or("");
      model.description = m_reader.text(n, "description", "modellen").value_or("");
    }
    detail::parse_professions(m_reader, detail::at(n, "professions"));
    detail::parse_consent_scopes(m_reader, detail::at(n, "consent_scopes"));
    detail::parse_meeting_types(m_reader, detail::at(n, "meeting_types"));
    detail::parse_forums(m_reader, detail::at(n, "forums"));
    detail::parse_transitions(m_reader, detail::at(n, "transitions"));
    if (detail::at(n, "case").IsDefined()) detail::parse_case(m_reader, detail::at(n, "case"), initial_pos);
    if (detail::at(n, "action_plan").IsDefined()) detail::parse_action_plan(m_reader, detail::at(n, "action_plan"));
    detail::parse_closing_days(m_reader, detail::at(n, "closing_days"));
    if (detail::at(n, "consent").IsDefined()) parse_consent_setting(detail::at(n, "consent"));
    if (detail::at(n, "request_form").IsDefined()) detail::parse_request_form(m_reader, detail::at(n, "request_form"));
  }

  // consent: {required_from: every_custody_holder | one_custody_holder}
  void parse_consent_setting(const YAML::Node& n) {
    if (!m_reader.expect_map(n, {"required_from", "rule", "rules"}, "consent")) return;
    m_reader.rules(n, "consent");
    const auto from = m_reader.text(n, "required_from", "consent", true);
    if (!from) return;
    if (*from == "every_custody_holder" || *from == "one_custody_holder") {
      m_reader.model().consent.every_custody_holder = *from == "every_custody_holder";
    } else {
      m_reader.error(detail::at(n, "required_from"),
                     "required_from skal være every_custody_holder eller one_custody_holder, ikke '" + *from + "'");
    }
  }

  const ReadFile& m_read;
  detail::Reader m_reader;
  std::vector<Doc> m_docs;
  std::vector<std::string> m_stack;
};

}  // namespace

LoadResult load_model(const std::string& path, const ReadFile& read) {
  LoadResult result;
  Model model;
  Loader loader(read, model, result.errors);
  loader.run(path);
  // Report per file in load order, then by position, so output reads top to bottom.
  const auto files = loader.files();
  auto rank = [&](const Diagnostic& d) {
    return std::find(files.begin(), files.end(), d.file) - files.begin();
  };
  std::stable_sort(result.errors.begin(), result.errors.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::tuple(rank(a), a.line, a.column) < std::tuple(rank(b), b.line, b.column);
  });
  // A YAML alias (*name) makes the loader read one node twice; report its problems once.
  result.errors.erase(std::unique(result.errors.begin(), result.errors.end(),
                                  [](const Diagnostic& a, const Diagnostic& b) {
                                    return a.to_string() == b.to_string();
                                  }),
                      result.errors.end());
  if (result.errors.empty()) result.model = std::move(model);
  return result;
}

}  // namespace samspil::domain
