#pragma once
// Agreements of meetings and their actions (migration 0012), plus the read of a meeting's
// agenda items that meeting mode steps through (0009). Every query filters by tenant.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace samspil::storage {

struct AgreementRow {
  std::string meeting_id;
  std::string tenant;
  std::string status = "draft";  // draft, read_back, final
  std::string content_encrypted;  // sealed JSON of the sections ("" = empty)
  std::int64_t version = 1;
  int current_item = 0;
  std::optional<std::int64_t> read_back_at_ms;
  std::string read_back_by;
  std::optional<std::int64_t> confirmed_at_ms;
  std::string confirmed_by;
  std::string pdf_encrypted;  // sealed base64 PDF/A ("" until final)
  std::string pdf_sha256;
  std::optional<std::int64_t> sent_at_ms;
  std::optional<std::int64_t> exported_at_ms;
  std::string updated_by;
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

struct AgreementActionRow {
  std::string id;
  std::string tenant;
  std::string meeting_id;
  int position = 0;
  std::string text_encrypted;
  std::string owner_id;    // "" when the owner has no account
  std::string owner_name;  // free text owner ("Forældrene"); "" when owner_id is set
  std::optional<std::int64_t> due_at_ms;
  std::int64_t created_at_ms = 0;
};

// One agenda item as meeting mode shows it.
struct ModeItemRow {
  int position = 0;
  std::string title;
  std::string description;
  std::string description_encrypted;
  std::string speaking_order;  // JSON array
};

// Inserts an agreement (version and status as given).
void insert_agreement(Connection& conn, const AgreementRow& a);
// The meeting's agreement, if any.
std::optional<AgreementRow> find_agreement(Connection& conn, const std::string& tenant, const std::string& meeting_id);
// Writes content, status, current item, read-back/confirm facts and updated_by/at and sets
// version = a.version, only if the stored version is expected_version; false otherwise.
bool update_agreement(Connection& conn, const AgreementRow& a, std::int64_t expected_version);
// Stores the final PDF and its hash.
void set_agreement_pdf(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                       const std::string& pdf_encrypted, const std::string& sha256);
// Records when the agreement was sent / exported.
void set_agreement_sent(Connection& conn, const std::string& tenant, const std::string& meeting_id, std::int64_t at_ms);
void set_agreement_exported(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                            std::int64_t at_ms);

// The agreement's actions by position.
std::vector<AgreementActionRow> agreement_actions(Connection& conn, const std::string& tenant,
                                                  const std::string& meeting_id);
// Replaces every action of the agreement with these (positions renumbered 0..n-1).
void replace_agreement_actions(Connection& conn, const std::string& tenant, const std::string& meeting_id,
                               const std::vector<AgreementActionRow>& actions);

// The meeting's agenda items (0009) by position.
std::vector<ModeItemRow> agenda_items_for_mode(Connection& conn, const std::string& tenant,
                                                 const std::string& meeting_id);

}  // namespace samspil::storage
