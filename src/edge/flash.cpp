#include "edge/flash.hpp"

#include "edge/request_state.hpp"

namespace samspil::edge {

void flash(const Context& context, const http::Request& request, const std::string& message) {
  const std::string& id_hash = state(request).session_id_hash;
  if (id_hash.empty()) return;
  context.services.callers.set_flash(id_hash, message);
}

}  // namespace samspil::edge
