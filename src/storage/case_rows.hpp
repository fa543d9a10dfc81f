#pragma once
// The one mapping between a cases row (joined with the child's unit) and CaseRecord, for the
// case store and the case lists. Included only by storage/*.cpp.
#include <string>

#include "storage/case_store.hpp"
#include "storage/database.hpp"

namespace samspil::storage {

// Whether a read carries the sealed "what was tried" notes; lists never read them.
enum class CaseNotes { read, left_out };

// "SELECT c.… FROM cases c JOIN children ch …" with the columns case_from expects.
const std::string& case_select(CaseNotes notes);
// The record of a row read by case_select with the same notes.
CaseRecord case_from(const Row& r, CaseNotes notes);

}  // namespace samspil::storage
