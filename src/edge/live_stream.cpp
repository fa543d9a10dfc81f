#include "edge/live_stream.hpp"

#include <fmt/format.h>

#include "edge/request_state.hpp"
#include "edge/service_config.hpp"
#include "service/agreements/agreements.hpp"

namespace samspil::edge {

http::Response meeting_event_stream(const Context& ctx, http::Request& request, const std::string& id) {
  auto channel = std::make_shared<http::StreamChannel>(256 * 1024);
  channel->write("retry: 3000\n\n");
  std::weak_ptr<http::StreamChannel> weak = channel;
  // The sink only queues bytes on the channel; an empty event name is a liveness probe.
  live::Broadcast::Sink sink = [weak](std::string_view event, std::int64_t version, std::string_view data) {
    auto ch = weak.lock();
    if (!ch) return false;
    if (event.empty()) return !ch->closed();
    return ch->write(fmt::format("id: {}\nevent: {}\ndata: {}\n\n", version, event, data));
  };
  ctx.services.agreements.follow(actor(request), id, std::move(sink), ctx.now_ms());
  return http::Response::event_stream(channel);
}

}  // namespace samspil::edge
