#pragma once
// The HTTP/1.1 server (Boost.Beast inside). Keep-alive and pipelining, limits on header
// size, body size and read/idle time, handlers on a worker pool, static files, a request
// id and a JSON-lines access log per request, graceful stop on SIGTERM/SIGINT.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "http/metrics.hpp"
#include "http/router.hpp"

namespace samspil::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;               // 0 picks a free port (tests)
  std::size_t body_limit = 10 * 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  std::chrono::milliseconds read_timeout{10'000};  // whole request, once its first byte arrived
  std::chrono::milliseconds idle_timeout{60'000};  // keep-alive connection with no request
  std::chrono::milliseconds shutdown_grace{10'000};  // in-flight requests finish within this
  std::size_t max_streams = 256;  // open streamed responses (SSE); more are answered 503
  std::chrono::milliseconds stream_heartbeat{15'000};  // comment line on a quiet stream
  int io_threads = 1;
  int worker_threads = 4;
  std::filesystem::path static_dir;  // served under /static/ when non-empty
  std::string static_prefix = "/static/";
  // Added to every response (routes, static files, 404s) that does not set the same header.
  std::vector<std::pair<std::string, std::string>> default_headers;
};

class Server {
 public:
  Server(ServerConfig config, const Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; throws std::runtime_error with a clear message on failure.
  void bind();
  // The bound port (after bind()).
  std::uint16_t port() const;
  // Serves until stop() or SIGTERM/SIGINT (when handle_signals), then drains and returns.
  void run(bool handle_signals = true);
  // Asks the server to stop accepting and drain; safe from any thread.
  void stop();

  // Internal state (server_impl.hpp); public only so src/http's session code can name it.
  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

}  // namespace samspil::http
