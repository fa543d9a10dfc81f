// The YAML reader behind the model loader: typed access with positioned diagnostics.
#include "domain/model_reader.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace samspil::domain::detail {

const std::vector<std::string_view> kRoles = {
    "chair",             // mødeleder
    "convener",          // mødeindkalder
    "agenda_owner",      // ansvarlig for dagsorden
    "minute_taker",      // referent
    "participant_mapper",  // afdækning af mødedeltagere (incl. the child's participation)
    "follow_up_contact",   // opfølgende kontakt med barnet/familien
    "child_perspective",   // indhenter barnets perspektiv
    "request_qualifier",   // kvalificerer anmodningen (R3)
    "item_submitter",      // sender punkter/emner til et forum (P2)
    "process_owner",       // sikrer proces (P2: PPR)
    "documentation_owner"  // journaliserer (FP9)
};
const std::vector<std::string_view> kImplicitRoles = {"participant", "invitee"};
const std::vector<std::string_view> kRelations = {"parents", "child", "network"};
const std::vector<std::string_view> kGroups = {"local_professionals", "external_professionals",
                                               "any_professional"};
const std::vector<std::string_view> kAnchors = {"meeting_start",   "meeting_end",
                                                "invitation_sent", "item_submitted",
                                                "request_submitted", "case_closed"};
const std::vector<std::string_view> kFulfilments = {"invitation_sent", "agenda_sent", "agreement_sent", "response"};
const std::vector<std::string_view> kDocumentKinds = {
    "request_form", "brief", "agenda", "agreement", "minutes", "evaluation",
    "action_plan",  "ppv",   "consent", "task_card", "invitation"};
const std::vector<std::string_view> kIdentifyingFields = {
    "child_name", "child_cpr", "cpr", "child_birthdate", "child_address", "parent_name",
    "guardian_name"};

YAML::Node at(const YAML::Node& map, std::string_view key) {
  if (!map.IsDefined() || !map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& kv : map)
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
  return YAML::Node(YAML::NodeType::Undefined);
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

bool contains(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

Pos Reader::pos(const YAML::Node& node) const {
  const YAML::Mark m = node.Mark();
  if (m.is_null()) return {m_file, 1, 1};
  return {m_file, m.line + 1, m.column + 1};
}

void Reader::error(const YAML::Node& at, std::string message) { error(pos(at), std::move(message)); }

void Reader::error(const Pos& at, std::string message) {
  m_out.push_back({at.file, at.line, at.column, std::move(message)});
}

bool Reader::expect_map(const YAML::Node& node, std::initializer_list<std::string_view> allowed,
                        std::string_view what) {
  if (!node.IsMap()) {
    error(node, std::string(what) + " skal være en tabel (nøgle: værdi)");
    return false;
  }
  std::set<std::string> seen;
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) {
      error(kv.first, "En nøgle i " + std::string(what) + " skal være en tekst");
      continue;
    }
    const auto key = kv.first.Scalar();
    if (!seen.insert(key).second) {
      error(kv.first, "Nøglen '" + key + "' er angivet mere end én gang i " + std::string(what));
    }
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error(kv.first, "Ukendt nøgle '" + key + "' i " + std::string(what) + " (tilladt: " + list + ")");
    }
  }
  return true;
}

bool Reader::expect_list(const YAML::Node& node, std::string_view what) {
  if (!node.IsDefined() || node.IsNull()) return false;
  if (!node.IsSequence()) {
    error(node, std::string(what) + " skal være en liste");
    return false;
  }
  return true;
}

std::optional<std::string> Reader::text(const YAML::Node& map, std::string_view key,
                                        std::string_view what, bool required) {
  const YAML::Node v = at(map, key);
  if (!v.IsDefined() || v.IsNull()) {
    if (required) error(map, "Mangler påkrævet nøgle '" + std::string(key) + "' i " + std::string(what));
    return std::nullopt;
  }
  if (!v.IsScalar()) {
    error(v, "'" + std::string(key) + "' i " + std::string(what) + " skal være en tekst");
    return std::nullopt;
  }
  return v.Scalar();
}

std::optional<int> Reader::integer(const YAML::Node& map, std::string_view key,
                                   std::string_view what, bool required) {
  const YAML::Node v = at(map, key);
  auto s = text(map, key, what, required);
  if (!s) return std::nullopt;
  int value = 0;
  const char* first = s->data();
  const char* last = first + s->size();
  if (first != last && *first == '+') ++first;
  auto [p, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || p != last || first == last) {
    error(v, "'" + std::string(key) + "' i " + std::string(what) + " skal være et heltal, ikke '" + *s + "'");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const YAML::Node& map, std::string_view key,
                                    std::string_view what) {
  const YAML::Node v = at(map, key);
  auto s = text(map, key, what);
  if (!s) return std::nullopt;
  if (*s == "true" || *s == "ja") return true;
  if (*s == "false" || *s == "nej") return false;
  error(v, "'" + std::string(key) + "' i " + std::string(what) + " skal være true eller false, ikke '" + *s + "'");
  return std::nullopt;
}

std::vector<std::pair<std::string, YAML::Node>> Reader::texts(const YAML::Node& map,
                                                               std::string_view key,
                                                               std::string_view what) {
  return texts_of(at(map, key), key, what);
}

std::vector<std::pair<std::string, YAML::Node>> Reader::texts_of(const YAML::Node& v,
                                                                  std::string_view key,
                                                                  std::string_view what) {
  std::vector<std::pair<std::string, YAML::Node>> out;
  if (!v.IsDefined() || v.IsNull()) return out;
  if (v.IsScalar()) {
    out.emplace_back(v.Scalar(), v);
    return out;
  }
  if (!v.IsSequence()) {
    error(v, "'" + std::string(key) + "' i " + std::string(what) + " skal være en liste af tekster");
    return out;
  }
  for (const auto& item : v) {
    if (!item.IsScalar()) {
      error(item, "Hvert element i '" + std::string(key) + "' i " + std::string(what) + " skal være en tekst");
      continue;
    }
    out.emplace_back(item.Scalar(), item);
  }
  return out;
}

RuleIds Reader::rules(const YAML::Node& map, const std::string& where) {
  // A rule id is 1-3 capital letters and 1-2 digits (F1, R10, FP2); regex is avoided
  // because g++ 12 warns falsely inside <regex> under -Werror.
  auto well_formed = [](const std::string& id) {
    std::size_t letters = 0;
    while (letters < id.size() && id[letters] >= 'A' && id[letters] <= 'Z') ++letters;
    const std::size_t digits = id.size() - letters;
    if (letters < 1 || letters > 3 || digits < 1 || digits > 2) return false;
    return std::all_of(id.begin() + letters, id.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  RuleIds ids;
  auto add = [&](const std::vector<std::pair<std::string, YAML::Node>>& list) {
    for (const auto& [id, node] : list) {
      if (!well_formed(id)) {
        error(node, "Ugyldigt regel-id '" + id + "' (forventet fx F1, R10 eller FP2)");
        continue;
      }
      ids.push_back(id);
      m_model.rule_refs.push_back({id, where});
    }
  };
  add(texts(map, "rule", where));
  add(texts(map, "rules", where));
  return ids;
}

bool Reader::check_party(const std::string& id, const YAML::Node& at) {
  if (m_ids.professions.count(id) || contains(kRelations, id) || contains(kGroups, id)) return true;
  error(at, "Ukendt faggruppe eller relation '" + id + "'");
  return false;
}

bool Reader::check_meeting_type(const std::string& id, const YAML::Node& at) {
  if (m_ids.meeting_types.count(id)) return true;
  error(at, "Ukendt mødetype '" + id + "'");
  return false;
}

bool Reader::check_consent(const std::string& id, const YAML::Node& at) {
  if (m_ids.consent_scopes.count(id)) return true;
  error(at, "Ukendt samtykke '" + id + "'");
  return false;
}

bool Reader::check_role(const std::string& role, const YAML::Node& at) {
  if (contains(kRoles, role) || contains(kImplicitRoles, role)) return true;
  error(at, "Ukendt rolle '" + role + "' (kendte roller: " + join(kRoles) + ", " + join(kImplicitRoles) + ")");
  return false;
}

}  // namespace samspil::domain::detail
