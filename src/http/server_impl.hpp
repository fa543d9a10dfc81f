#pragma once
// Internal to src/http: the server's shared state, seen by server.cpp (listener, shutdown)
// and session.cpp (one connection). Includes Asio, so nothing outside src/http includes it.
#include <utility>  // before Asio: boost/asio/awaitable.hpp in 1.74 misses it (TOOLCHAIN.md)

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <boost/asio.hpp>
#include <spdlog/spdlog.h>

#include "http/server.hpp"
#include "http/static_files.hpp"

namespace samspil::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// What the server asks of a live connection during shutdown; implemented in session.cpp.
class SessionControl {
 public:
  virtual ~SessionControl() = default;
  // Closes the connection if it is waiting for a next request; otherwise it closes itself
  // after answering the request in progress.
  virtual void request_stop() = 0;
  // Closes the connection now (shutdown grace has run out).
  virtual void force_close() = 0;
};

struct Server::Impl {
  Impl(ServerConfig config, const Router& router, Metrics& metrics);

  // Runs the router for a request, catching any exception once: logged with the request
  // id, answered 500 with a Danish problem document.
  Response safe_dispatch(Request& request, const Match& match) const;
  // Serves a static file with the same exception guard as safe_dispatch.
  Response safe_static(Request& request);
  // Logs a failure with the request id and builds the Danish 500 answer.
  Response internal_error(const Request& request, std::string_view what) const;
  // Publishes the worker pool counters to Metrics.
  void publish_pool() const;
  void register_session(SessionControl* key, std::weak_ptr<SessionControl> session);
  void unregister_session(SessionControl* key);
  // Starts shutdown on the listener's strand: stop accepting, close idle connections.
  void begin_shutdown();
  asio::awaitable<void> accept_loop();

  ServerConfig config;
  const Router& router;
  Metrics& metrics;
  std::shared_ptr<spdlog::logger> log;
  StaticFiles static_files;

  // Declared before the io_context so it outlives the handlers the context destroys.
  std::mutex sessions_mutex;
  std::unordered_map<SessionControl*, std::weak_ptr<SessionControl>> sessions;

  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> listener_strand;
  tcp::acceptor acceptor;
  asio::steady_timer grace_timer;
  std::optional<asio::signal_set> signals;
  // Declared after the io_context: destroyed first, so queued jobs never outlive it.
  asio::thread_pool pool;

  std::atomic<bool> stopping{false};
  std::atomic<int> busy{0};
  std::atomic<int> queued{0};
  std::atomic<std::size_t> open_streams{0};
  std::uint16_t bound_port = 0;
  bool bound = false;
};

// Starts serving one accepted connection (session.cpp).
void start_session(Server::Impl& server, tcp::socket socket);

}  // namespace samspil::http
