#pragma once
// Shared by the agreements sources (not a public interface).
#include <optional>
#include <string>
#include <vector>

#include "domain/model.hpp"
#include "service/agreements/agreements.hpp"
#include "service/meetings/meetings.hpp"
#include "storage/agreement_store.hpp"
#include "storage/meeting_store.hpp"

namespace samspil::service::agreements_detail {

// Everything about one meeting that the agreement's use cases read.
struct Loaded {
  ReachedMeeting reached;
  const domain::MeetingType* type = nullptr;  // null when the model is not loaded
  std::optional<storage::AgreementRow> row;
  std::vector<storage::MeetingParticipantRow> participants;
  std::vector<storage::MeetingRoleRow> roles;
};

// Loads the meeting for the actor (NotFound as reach_meeting) with its agreement.
Loaded load(storage::Connection& conn, const AgreementsConfig& config, const Actor& actor,
            const std::string& meeting_id);
// The user holding a meeting role, "" when nobody does.
std::string role_holder(const Loaded& loaded, const std::string& role);
// The chair (else the convener) and the minute taker (else the chair).
std::string chair_of(const Loaded& loaded);
std::string minute_taker_of(const Loaded& loaded);
// The full state as the actor sees it (content opened with the cipher).
AgreementState build_state(storage::Connection& conn, const AgreementsConfig& config, const Loaded& loaded,
                           const Actor& actor);
// Sections as JSON / from JSON.
std::string content_json(const AgreementContent& content);
AgreementContent content_from_json(const std::string& json);
// The cipher; Conflict when encryption is not configured.
const crypto::FieldCipher& cipher_of(const AgreementsConfig& config);

}  // namespace samspil::service::agreements_detail
