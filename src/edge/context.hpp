#pragma once
// What the page (web/) and API (api/) handlers are given at start-up by the composition root
// (app/): the services built once, the clock, the field key, the collaboration models, the
// free/busy feeds, and how a page route answers an error. No database: handlers reach storage
// only through the services (tests/layering_check.py refuses storage/ includes here).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "crypto/field_cipher.hpp"
#include "http/message.hpp"
#include "service/base/model_registry.hpp"
#include "service/services.hpp"

namespace samspil::service::free_busy {
class Feeds;
}  // namespace samspil::service::free_busy

namespace samspil::edge {

struct Settings {
  bool secure_cookies = true;   // __Host- cookies need Secure; off only for plain-HTTP local runs
  std::string public_base_url{};  // e.g. "https://samspil.kommune.dk"; for links in e-mails
};

// The Danish error page of a page route (HTML inside the layout), given by the pages at
// wiring; the API's errors never use it (edge/errors.hpp).
using ErrorPage = std::function<http::Response(const http::Request& request, int status, std::string_view detail)>;

struct Context {
  // Every use case, built once at start-up (service/services.hpp).
  service::Services& services;
  Settings settings;
  std::function<std::int64_t()> now_ms;  // the clock, passed in so tests can move time
  std::filesystem::path data_dir;        // templates/, locale/, openapi/, models/
  // The field key (TOTP secrets, keyed hashes); null when none is configured (TOTP set-up
  // is then refused and client addresses are hashed without a key).
  const crypto::FieldCipher* cipher = nullptr;
  // Every collaboration model offered (models/*.yaml); a case runs under cases.model_id.
  // Null only in tests that need no model.
  const service::ModelRegistry* models = nullptr;
  // Imported free/busy calendars (service/meetings/free_busy.hpp) for the slot finder and the
  // profile; null = none are read (the profile says so).
  const service::free_busy::Feeds* free_busy = nullptr;
  // Page routes' error page; empty = a bare Danish text page (tests without templates).
  ErrorPage error_page{};
};

}  // namespace samspil::edge
