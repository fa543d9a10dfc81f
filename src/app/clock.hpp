#pragma once
// The one place the app reads the wall clock; domain/ and storage/ get time passed in.
#include <chrono>
#include <cstdint>

namespace samspil::app {

// Milliseconds since the Unix epoch, UTC.
inline std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace samspil::app
