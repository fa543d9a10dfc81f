#pragma once
// The case list's filters and full-text search (migration 0010): unit, state, meeting type,
// assignee and words of the title, combined with AND, within the same visibility scope as
// list_cases, keyset-paginated by case id. Full text: SQLite FTS5 (cases_fts, every word as
// a prefix) and PostgreSQL to_tsvector('danish', title) (Danish stemming). Only the title is
// searched — never the sealed notes or CPR numbers.
#include <string>
#include <utility>
#include <vector>

#include "storage/case_store.hpp"
#include "storage/database.hpp"

namespace samspil::storage {

struct CaseFilter {
  std::string unit_id;       // the unit the case was registered in; "" = any
  std::string state;         // a state id of the case's model; "" = any
  std::string meeting_type;  // cases with a meeting of this type id; "" = any
  std::string assigned_to;   // user id of the assigned PPR staff member; "" = any
  std::string text;          // words the title must contain; "" = any
};

// A statement and its parameters (exposed so tests and the bench can EXPLAIN it).
struct SqlQuery {
  std::string sql;
  std::vector<Value> params;
};

// The SQL search_cases runs for the dialect.
SqlQuery case_search_query(Dialect dialect, const std::string& tenant, const CaseListScope& scope,
                           const CaseFilter& filter, const std::string& after, int limit);
// One page of visible cases matching every filter, ordered by id, after the case id `after`.
std::vector<CaseRecord> search_cases(Connection& conn, const std::string& tenant, const CaseListScope& scope,
                                     const CaseFilter& filter, const std::string& after, int limit);
// (user id, display name) of everyone assigned to a case of the tenant, by name: the
// assignee filter's choices.
std::vector<std::pair<std::string, std::string>> case_assignees(Connection& conn, const std::string& tenant);
// The FTS5 MATCH expression for free text: each word quoted and used as a prefix, all
// required ("" when the text has no word). Quotes in the input cannot break out.
std::string fts5_match_expression(const std::string& text);

}  // namespace samspil::storage
