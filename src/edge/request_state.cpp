#include "edge/request_state.hpp"

#include "service/base/errors.hpp"

namespace samspil::edge {

RequestState& state(http::Request& request) {
  if (auto* s = std::any_cast<RequestState>(&request.context)) return *s;
  request.context = RequestState{};
  return *std::any_cast<RequestState>(&request.context);
}

const RequestState& state(const http::Request& request) {
  static const RequestState kEmpty;
  if (const auto* s = std::any_cast<RequestState>(&request.context)) return *s;
  return kEmpty;
}

const service::Actor& actor(const http::Request& request) {
  const RequestState& s = state(request);
  if (!s.actor) throw service::Forbidden("not signed in");
  return *s.actor;
}

}  // namespace samspil::edge
