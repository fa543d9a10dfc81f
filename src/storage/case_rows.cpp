#include "storage/case_rows.hpp"

namespace samspil::storage {

namespace {

std::string select_of(CaseNotes notes) {
  return std::string("SELECT c.id, c.tenant, c.child_id, c.model_id, c.state, c.title, c.unit_id, c.created_by, "
                     "c.assigned_to, c.ppr_unit_id, c.ppr_requested_at, ") +
         (notes == CaseNotes::read ? "c.tried_encrypted, " : "") +
         "c.tried_recorded_at, c.opened_at, c.closed_at, c.close_reason, c.retention_until, c.created_at, "
         "c.updated_at, ch.unit_id FROM cases c JOIN children ch ON ch.id = c.child_id AND ch.tenant = c.tenant ";
}

}  // namespace

const std::string& case_select(CaseNotes notes) {
  // Built once: the case lists are on every signed-in overview.
  static const std::string with_notes = select_of(CaseNotes::read);
  static const std::string without_notes = select_of(CaseNotes::left_out);
  return notes == CaseNotes::read ? with_notes : without_notes;
}

CaseRecord case_from(const Row& r, CaseNotes notes) {
  // Columns after the notes shift by one when they are left out.
  const std::size_t n = notes == CaseNotes::read ? 1 : 0;
  CaseRecord c;
  c.id = r.text(0);
  c.tenant = r.text(1);
  c.child_id = r.text(2);
  c.model_id = r.text(3);
  c.state = r.text(4);
  c.title = r.text(5);
  c.unit_id = r.optional_text(6).value_or("");
  c.created_by = r.text(7);
  c.assigned_to = r.optional_text(8).value_or("");
  c.ppr_unit_id = r.optional_text(9).value_or("");
  c.ppr_requested_at_ms = r.optional_integer(10);
  if (notes == CaseNotes::read) c.tried_encrypted = r.optional_text(11).value_or("");
  c.tried_recorded_at_ms = r.optional_integer(11 + n);
  c.opened_at_ms = r.integer(12 + n);
  c.closed_at_ms = r.optional_integer(13 + n);
  c.close_reason = r.optional_text(14 + n).value_or("");
  c.retention_until_ms = r.optional_integer(15 + n);
  c.created_at_ms = r.integer(16 + n);
  c.updated_at_ms = r.integer(17 + n);
  c.child_unit_id = r.optional_text(18 + n).value_or("");
  return c;
}

}  // namespace samspil::storage
