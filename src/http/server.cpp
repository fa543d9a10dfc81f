// The listener, the run loop and graceful shutdown. Connections themselves live in
// session.cpp (the only file that includes Beast).
#include "http/server_impl.hpp"

#include <thread>
#include <vector>

#include <fmt/format.h>

#include "http/access_log.hpp"

namespace samspil::http {

Server::Impl::Impl(ServerConfig cfg, const Router& r, Metrics& m)
    : config(std::move(cfg)),
      router(r),
      metrics(m),
      log(access_logger()),
      static_files(config.static_dir, config.static_prefix),
      ioc(std::max(1, config.io_threads)),
      listener_strand(asio::make_strand(ioc)),
      acceptor(listener_strand),
      grace_timer(listener_strand),
      pool(static_cast<std::size_t>(std::max(1, config.worker_threads))) {
  publish_pool();
}

Response Server::Impl::safe_dispatch(Request& request, const Match& match) const {
  std::string what;
  try {
    return router.dispatch(request, match);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    // Not swallowed: logged below and answered 500 like any other failure.
    what = "unknown exception";
  }
  return internal_error(request, what);
}

Response Server::Impl::safe_static(Request& request) {
  std::string what;
  try {
    return static_files.serve(request);
  } catch (const std::exception& e) {
    what = e.what();
  }
  return internal_error(request, what);
}

Response Server::Impl::internal_error(const Request& request, std::string_view what) const {
  log_event(*log, spdlog::level::err, "handler.exception",
            fmt::format(R"(,"request_id":"{}","route":"{}","error":"{}")",
                        json_escape(request.request_id), json_escape(request.route_name),
                        json_escape(what)));
  return Response::problem(
      500, "Der opstod en fejl",
      fmt::format("Der opstod en uventet fejl på serveren. Prøv igen senere. Fejl-id: {}.",
                  request.request_id));
}

void Server::Impl::publish_pool() const {
  metrics.set_pool(std::max(1, config.worker_threads), busy.load(std::memory_order_relaxed),
                   queued.load(std::memory_order_relaxed));
}

void Server::Impl::register_session(SessionControl* key, std::weak_ptr<SessionControl> session) {
  std::lock_guard lock(sessions_mutex);
  sessions.emplace(key, std::move(session));
}

void Server::Impl::unregister_session(SessionControl* key) {
  bool drained = false;
  {
    std::lock_guard lock(sessions_mutex);
    sessions.erase(key);
    drained = sessions.empty() && stopping.load();
  }
  // The last connection gone: stop waiting out the grace period so run() returns now.
  if (drained && !ioc.stopped())
    asio::post(listener_strand, [this] { grace_timer.cancel(); });
}

void Server::Impl::begin_shutdown() {
  boost::system::error_code ec;
  acceptor.close(ec);
  if (signals) signals->cancel(ec);
  std::vector<std::shared_ptr<SessionControl>> live;
  {
    std::lock_guard lock(sessions_mutex);
    for (auto& [key, weak] : sessions)
      if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  log_event(*log, spdlog::level::info, "server.stopping",
            fmt::format(R"(,"open_connections":{})", live.size()));
  for (auto& s : live) s->request_stop();
  if (live.empty()) return;
  grace_timer.expires_after(config.shutdown_grace);
  grace_timer.async_wait([this](boost::system::error_code wait_ec) {
    if (wait_ec) return;  // cancelled: every connection finished in time
    std::vector<std::shared_ptr<SessionControl>> left;
    {
      std::lock_guard lock(sessions_mutex);
      for (auto& [key, weak] : sessions)
        if (auto s = weak.lock()) left.push_back(std::move(s));
    }
    log_event(*log, spdlog::level::warn, "server.grace_expired",
              fmt::format(R"(,"open_connections":{})", left.size()));
    for (auto& s : left) s->force_close();
    // A handler stuck on the worker pool would keep its connection's coroutine alive
    // forever; stopping the context bounds shutdown by the grace period regardless.
    ioc.stop();
  });
}

asio::awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket =
        co_await acceptor.async_accept(asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
    if (stopping.load() || !acceptor.is_open()) co_return;
    if (ec) {
      // Usually out of file descriptors: back off briefly instead of spinning.
      log_event(*log, spdlog::level::warn, "server.accept_failed",
                fmt::format(R"(,"error":"{}")", json_escape(ec.message())));
      asio::steady_timer pause(listener_strand, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    start_session(*this, std::move(socket));
  }
}

Server::Server(ServerConfig config, const Router& router, Metrics& metrics)
    : m_impl(std::make_unique<Impl>(std::move(config), router, metrics)) {}

Server::~Server() {
  if (m_impl) {
    m_impl->pool.stop();
    m_impl->pool.join();
  }
}

void Server::bind() {
  Impl& s = *m_impl;
  if (s.bound) return;
  try {
    tcp::resolver resolver(s.ioc);
    auto results = resolver.resolve(s.config.host, std::to_string(s.config.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service);
    tcp::endpoint endpoint = results.begin()->endpoint();
    s.acceptor.open(endpoint.protocol());
    s.acceptor.set_option(asio::socket_base::reuse_address(true));
    s.acceptor.bind(endpoint);
    s.acceptor.listen(asio::socket_base::max_listen_connections);
    s.bound_port = s.acceptor.local_endpoint().port();
    s.bound = true;
  } catch (const boost::system::system_error& e) {
    boost::system::error_code ignored;
    s.acceptor.close(ignored);
    throw std::runtime_error(fmt::format("cannot listen on {}:{}: {}", s.config.host,
                                         s.config.port, e.code().message()));
  }
}

std::uint16_t Server::port() const { return m_impl->bound_port; }

void Server::run(bool handle_signals) {
  Impl& s = *m_impl;
  bind();
  if (handle_signals) {
    s.signals.emplace(s.listener_strand, SIGINT, SIGTERM);
    s.signals->async_wait([this](boost::system::error_code ec, int signal_number) {
      if (ec) return;
      log_event(*m_impl->log, spdlog::level::info, "server.signal",
                fmt::format(R"(,"signal":{})", signal_number));
      stop();
    });
  }
  log_event(*s.log, spdlog::level::info, "server.start",
            fmt::format(R"(,"host":"{}","port":{},"io_threads":{},"worker_threads":{})",
                        json_escape(s.config.host), s.bound_port, std::max(1, s.config.io_threads),
                        std::max(1, s.config.worker_threads)));
  s.log->flush();
  auto accept = [&s] { return s.accept_loop(); };
  asio::co_spawn(s.listener_strand, std::move(accept), asio::detached);

  std::vector<std::thread> threads;
  for (int i = 1; i < s.config.io_threads; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
  // The worker pool is joined by ~Server, not here: after the grace period a handler may
  // still be stuck (e.g. on a dead database), and run() must return within the grace.
  s.signals.reset();
  log_event(*s.log, spdlog::level::info, "server.stop");
  s.log->flush();
}

void Server::stop() {
  Impl& s = *m_impl;
  if (s.stopping.exchange(true)) return;
  asio::post(s.listener_strand, [&s] { s.begin_shutdown(); });
}

}  // namespace samspil::http
