#pragma once
// What the page handlers are given at start-up by the composition root (app/).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "crypto/field_cipher.hpp"
#include "service/live_broadcast.hpp"
#include "service/model_registry.hpp"
#include "storage/database.hpp"
#include "web/views.hpp"

namespace samspil::service::free_busy {
class Feeds;
}  // namespace samspil::service::free_busy

namespace samspil::web {

struct WebSettings {
  bool secure_cookies = true;   // __Host- cookies need Secure; off only for plain-HTTP local runs
  std::string public_base_url;  // e.g. "https://samspil.kommune.dk"; for links in e-mails
};

struct WebContext {
  storage::Database& db;
  const Views& views;
  WebSettings settings;
  std::function<std::int64_t()> now_ms;  // the clock, passed in so tests can move time
  std::filesystem::path data_dir;        // templates/, locale/, openapi/, models/
  // The field key (TOTP secrets, keyed hashes); null when none is configured (TOTP set-up
  // is then refused and client addresses are hashed without a key).
  const crypto::FieldCipher* cipher = nullptr;
  // Every collaboration model offered (models/*.yaml); a case runs under cases.model_id.
  // Null only in tests that need no model.
  const service::ModelRegistry* models = nullptr;
  // Meeting mode's live fan-out (server-sent events); null = nobody follows live.
  service::LiveBroadcast* live = nullptr;
  // Whether final agreements the model files to records are queued for --records-export.
  bool records_export = false;
  // Imported free/busy calendars (service/free_busy.hpp) for the slot finder and the profile;
  // null = none are read (the profile says so).
  const service::free_busy::Feeds* free_busy = nullptr;
};

}  // namespace samspil::web
