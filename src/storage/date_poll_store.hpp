#pragma once
// R4.4 proposed dates (migration 0015): the times offered to the parents for a proposed
// meeting, the one picked, and the signed links mailed to the custody holders (only the
// SHA-256 of each token is stored). Every query filters by tenant except the link lookup,
// where the token itself names the row.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct DateProposalRow {
  std::string id;
  std::string tenant;
  std::string meeting_id;
  int position = 0;
  std::int64_t starts_at_ms = 0;
  std::int64_t ends_at_ms = 0;
  std::optional<std::int64_t> chosen_at_ms;
  std::string chosen_by;            // "" when not chosen
  bool chosen_for_parents = false;  // the convener picked on the parents' behalf
  std::string reason_encrypted;     // sealed; "" unless chosen_for_parents
  std::int64_t created_at_ms = 0;
};

struct DateLinkRow {
  std::string token_hash;
  std::string tenant;
  std::string meeting_id;
  std::string participant_id;
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> used_at_ms;
};

// Inserts a proposed time.
void insert_date_proposal(Connection& conn, const DateProposalRow& p);
// The meeting's proposed times by position.
std::vector<DateProposalRow> date_proposals(Connection& conn, const std::string& tenant, const std::string& meeting_id);
// Marks one proposal chosen (by a user; for_parents with a sealed reason).
void choose_date_proposal(Connection& conn, const std::string& tenant, const std::string& proposal_id,
                          const std::string& chosen_by, bool for_parents, const std::string& reason_encrypted,
                          std::int64_t at_ms);
// Inserts a signed link.
void insert_date_link(Connection& conn, const DateLinkRow& l);
// The link with this token hash (any tenant: the token names it), if any.
std::optional<DateLinkRow> find_date_link(Connection& conn, const std::string& token_hash);
// Closes every open link of the meeting.
void close_date_links(Connection& conn, const std::string& tenant, const std::string& meeting_id, std::int64_t at_ms);

}  // namespace samspil::storage
