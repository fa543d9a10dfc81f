#pragma once
// In-process fan-out of a meeting's live changes to everyone following meeting mode
// (server-sent events). A subscriber is a callback that returns false once its connection
// is gone; it is then dropped. Publishing never blocks on a slow reader (the web layer's
// sink only queues). Single-process only: several samspil processes behind one address
// would each have their own broadcaster and would need PostgreSQL LISTEN/NOTIFY to share
// changes (docs/live.md). Thread-safe.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace samspil::live {

class Broadcast {
 public:
  // Receives (event name, version, JSON data); returns false when the subscriber is gone.
  using Sink = std::function<bool(std::string_view event, std::int64_t version, std::string_view data)>;

  // Follows the meeting's changes until the sink returns false.
  void subscribe(const std::string& tenant, const std::string& meeting_id, Sink sink);
  // Sends an event to every follower of the meeting; returns how many received it.
  std::size_t publish(const std::string& tenant, const std::string& meeting_id, std::string_view event,
                      std::int64_t version, std::string_view data);
  // The meeting's current number of followers (after dropping those found gone).
  std::size_t followers(const std::string& tenant, const std::string& meeting_id);

 private:
  std::mutex m_mutex;
  std::map<std::string, std::vector<Sink>> m_sinks;  // key: tenant + '/' + meeting id
};

}  // namespace samspil::live
