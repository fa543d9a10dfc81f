// One HTTP/1.1 connection as a coroutine on its own strand: read (Beast's parser enforces
// the header and body limits), dispatch on the I/O thread or the worker pool, write, repeat.
// Requests are handled one at a time, so pipelined requests are answered in order.
//
// Timeouts use one watchdog coroutine per connection that cancels the socket when the
// current deadline passes. Cancelling (not closing, as beast::tcp_stream would) leaves the
// socket writable, so a stalled request still gets its 408. Moving the deadline is a plain
// assignment: the watchdog wakes at the deadline or after one "tick", whichever is first,
// so no timer is re-armed per request (that cost ~10 % throughput); a timeout may fire up
// to one tick (a quarter of the shorter timeout) late.
#include "http/server_impl.hpp"

#include <algorithm>
#include <array>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

#include "http/access_log.hpp"
#include "http/wire.hpp"

namespace samspil::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

constexpr auto no_deadline = std::chrono::hours(24);

Response error_response(int status, const ServerConfig& config) {
  switch (status) {
    case 408:
      return Response::problem(408, "Tiden løb ud",
                               "Forespørgslen blev ikke modtaget i tide. Prøv igen.");
    case 413:
      return Response::problem(
          413, "Forespørgslen er for stor",
          fmt::format("Forespørgslens indhold må højst fylde {} kB.", config.body_limit / 1024));
    case 431:
      return Response::problem(431, "Forespørgslens headere er for store",
                               "Forespørgslens headerfelter fylder mere end tilladt.");
    default:
      return Response::problem(400, "Ugyldig forespørgsel",
                               "Forespørgslen kunne ikke forstås af serveren.");
  }
}

// The status for a failed read, or 0 when the connection should just be closed (the client
// went away, or an idle connection timed out).
int status_for_read_error(const error_code& ec, bool timed_out) {
  if (timed_out) return 408;
  if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) return 431;
  if (ec == bhttp::error::body_limit) return 413;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) return 400;
  return 0;
}

class Session final : public SessionControl, public std::enable_shared_from_this<Session> {
 public:
  Session(Server::Impl& server, tcp::socket socket)
      : m_server(server), m_socket(std::move(socket)), m_timer(m_socket.get_executor()) {}

  // The connection's strand, on which both coroutines run.
  tcp::socket::executor_type executor() { return m_socket.get_executor(); }
  static asio::awaitable<void> run(std::shared_ptr<Session> self);
  static asio::awaitable<void> watchdog(std::shared_ptr<Session> self);

  void request_stop() override {
    auto self = shared_from_this();
    asio::post(m_socket.get_executor(), [self] {
      error_code ec;
      if (self->m_idle) self->m_socket.cancel(ec);
      // A streamed response ends at shutdown: wake its loop, which sees `stopping`.
      if (self->m_stream_timer) self->m_stream_timer->cancel();
    });
  }
  void force_close() override {
    auto self = shared_from_this();
    asio::post(m_socket.get_executor(), [self] {
      error_code ec;
      self->m_socket.close(ec);
    });
  }

 private:
  asio::awaitable<void> serve();
  asio::awaitable<Response> dispatch_on_pool(Request& request, const Match& match);
  static asio::awaitable<Response> pool_job(Server::Impl& server, Request& request,
                                            const Match& match);
  asio::awaitable<void> write_response(const Response& response, const WireOptions& options,
                                       std::size_t& bytes_out, error_code& ec);
  asio::awaitable<void> linger_close();
  asio::awaitable<void> write_stream(StreamChannel& channel, std::size_t& bytes_out, error_code& ec);
  static asio::awaitable<void> watch_peer(std::shared_ptr<Session> self);
  bool build_request(bhttp::request<bhttp::string_body>& message, Request& request);
  void finish(const Request* request, std::string_view method, int status, Clock::time_point start,
              std::size_t bytes_out);

  void close();

  void set_deadline(Clock::duration d) {
    m_timed_out = false;
    m_deadline = Clock::now() + d;
  }

  Server::Impl& m_server;
  tcp::socket m_socket;
  asio::steady_timer m_timer;
  beast::flat_buffer m_buffer;
  Clock::time_point m_deadline = Clock::now() + no_deadline;
  bool m_timed_out = false;
  bool m_idle = false;
  bool m_closed = false;
  bool m_peer_gone = false;                      // EOF/error while streaming
  asio::steady_timer* m_stream_timer = nullptr;  // set while a stream waits for data
  std::string m_remote;
  std::string m_head;  // reused for every response's status line and headers
};

asio::awaitable<void> Session::watchdog(std::shared_ptr<Session> self) {
  while (!self->m_closed) {
    if (self->m_deadline <= Clock::now()) {
      self->m_timed_out = true;
      self->m_deadline = Clock::now() + no_deadline;
      error_code ec;
      self->m_socket.cancel(ec);
      continue;
    }
    const ServerConfig& config = self->m_server.config;
    Clock::duration tick = std::clamp<Clock::duration>(
        std::min(config.read_timeout, config.idle_timeout) / 4, std::chrono::milliseconds(5),
        std::chrono::seconds(1));
    self->m_timer.expires_at(std::min(self->m_deadline, Clock::now() + tick));
    error_code ec;
    co_await self->m_timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

asio::awaitable<void> Session::run(std::shared_ptr<Session> self) {
  // An exception escaping a detached coroutine would be rethrown from io_context::run()
  // and end the server; one broken connection must only end itself.
  std::string what;
  try {
    co_await self->serve();
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    what = "unknown exception";
  }
  if (!what.empty())
    log_event(*self->m_server.log, spdlog::level::err, "connection.exception",
              fmt::format(R"(,"error":"{}")", json_escape(what)));
  self->close();
}

void Session::close() {
  error_code ec;
  m_closed = true;
  m_timer.cancel();
  m_socket.shutdown(tcp::socket::shutdown_both, ec);
  m_socket.close(ec);
  m_server.unregister_session(this);
}

asio::awaitable<void> Session::serve() {
  const ServerConfig& config = m_server.config;
  error_code ec;
  auto endpoint = m_socket.remote_endpoint(ec);
  if (!ec) m_remote = endpoint.address().to_string();

  for (;;) {
    // Idle: wait for the first byte of the next request unless pipelined bytes are buffered.
    if (m_buffer.size() == 0) {
      if (m_server.stopping.load()) break;
      m_idle = true;
      set_deadline(config.idle_timeout);
      std::size_t n = co_await m_socket.async_read_some(
          m_buffer.prepare(4096), asio::redirect_error(asio::use_awaitable, ec));
      m_idle = false;
      if (ec) break;
      m_buffer.commit(n);
    }

    Clock::time_point start = Clock::now();
    set_deadline(config.read_timeout);
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
    parser.body_limit(config.body_limit);
    // Usually the whole header is already buffered: parse it here instead of going through
    // async_read_header, which would complete via one more trip through the scheduler.
    while (!ec && !parser.is_header_done() && m_buffer.size() > 0) {
      std::size_t used = parser.put(m_buffer.data(), ec);
      m_buffer.consume(used);
      if (ec == bhttp::error::need_more) {
        ec = {};
        break;
      }
      if (used == 0) break;
    }
    if (!ec && !parser.is_header_done())
      co_await bhttp::async_read_header(m_socket, m_buffer, parser,
                                        asio::redirect_error(asio::use_awaitable, ec));
    if (!ec && !parser.is_done()) {
      if (bhttp::token_list(parser.get()[bhttp::field::expect]).exists("100-continue")) {
        static constexpr std::string_view cont = "HTTP/1.1 100 Continue\r\n\r\n";
        co_await asio::async_write(m_socket, asio::buffer(cont.data(), cont.size()),
                                   asio::redirect_error(asio::use_awaitable, ec));
      }
      if (!ec)
        co_await bhttp::async_read(m_socket, m_buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, ec));
    }
    if (ec) {
      int status = status_for_read_error(ec, m_timed_out);
      if (status != 0) {
        std::size_t bytes_out = 0;
        set_deadline(std::min<Clock::duration>(config.read_timeout, std::chrono::seconds(2)));
        co_await write_response(error_response(status, config), {false, false, false, {}},
                                bytes_out, ec);
        finish(nullptr, "-", status, start, bytes_out);
        co_await linger_close();
      }
      break;
    }
    set_deadline(no_deadline);

    auto message = parser.release();
    Request request;
    bool keep_alive = message.keep_alive() && !m_server.stopping.load();
    WireOptions options;
    options.http10 = message.version() == 10;
    options.head_request = message.method() == bhttp::verb::head;
    Response response;
    if (!build_request(message, request)) {
      response = error_response(400, config);
      keep_alive = false;
    } else if (m_server.static_files.handles(request.path)) {
      request.route_name = "static";
      response = m_server.safe_static(request);
    } else {
      Match match = m_server.router.match(request.method, request.path);
      if (match.route && match.route->options.execution == Execution::worker_pool)
        response = co_await dispatch_on_pool(request, match);
      else
        response = m_server.safe_dispatch(request, match);
    }
    bool streaming = false;
    if (response.stream) {
      // Bounded: every open stream holds a connection and a strand until it ends.
      if (m_server.stopping.load() ||
          m_server.open_streams.fetch_add(1) >= m_server.config.max_streams) {
        if (!m_server.stopping.load()) m_server.open_streams.fetch_sub(1);
        response.stream->close();
        response = Response::problem(503, "Tjenesten er optaget",
                                     "Der er for mange åbne forbindelser lige nu. Prøv igen om lidt.");
      } else {
        streaming = true;
        keep_alive = false;  // the stream's end is the connection's end
      }
    }
    // Shutdown may have begun while the handler ran: this answer is then the last one.
    keep_alive = keep_alive && !m_server.stopping.load();
    options.keep_alive = keep_alive;
    options.request_id = request.request_id;

    set_deadline(config.read_timeout);
    std::size_t bytes_out = 0;
    co_await write_response(response, options, bytes_out, ec);
    if (streaming) {
      if (!ec && !options.head_request) co_await write_stream(*response.stream, bytes_out, ec);
      response.stream->close();
      response.stream->set_waker(nullptr);
      m_server.open_streams.fetch_sub(1);
    }
    finish(&request, request.method, response.status, start, bytes_out);
    if (ec || !keep_alive) break;
  }
}

bool Session::build_request(bhttp::request<bhttp::string_body>& message, Request& request) {
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  request.remote_address = m_remote;
  // Only origin-form targets ("/path?query") are served; absolute-form and "*" are refused.
  if (request.target.empty() || request.target.front() != '/') return false;
  // HTTP/1.1 requires exactly one Host header (RFC 9112 §3.2).
  if (message.version() >= 11 && message.count(bhttp::field::host) != 1) return false;
  std::string_view target = request.target;
  std::size_t q = target.find('?');
  // An encoded slash would become a path separator after decoding and change which route
  // matches ("/sager/a%2Fb" is not "/sager/a/b"); no Samspil path needs one.
  const std::string_view raw_path = target.substr(0, q);
  if (raw_path.find("%2F") != std::string_view::npos || raw_path.find("%2f") != std::string_view::npos) return false;
  auto path = percent_decode(raw_path, false);
  if (!path) return false;
  request.path = std::move(*path);
  if (q != std::string_view::npos) request.query = std::string(target.substr(q + 1));
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    auto [it, inserted] = request.headers.try_emplace(std::move(name), field.value());
    // Repeated fields combine into one comma-separated value (RFC 9110 §5.3).
    if (!inserted) {
      it->second += ", ";
      it->second.append(field.value().data(), field.value().size());
    }
  }
  request.body = std::move(message.body());
  auto incoming = request.headers.find("x-request-id");
  if (incoming != request.headers.end() && valid_request_id(incoming->second))
    request.request_id = incoming->second;
  else
    request.request_id = new_request_id();
  return true;
}

asio::awaitable<Response> Session::pool_job(Server::Impl& server, Request& request,
                                            const Match& match) {
  server.queued.fetch_sub(1);
  server.busy.fetch_add(1);
  server.publish_pool();
  Response response = server.safe_dispatch(request, match);
  server.busy.fetch_sub(1);
  server.publish_pool();
  co_return response;
}

asio::awaitable<Response> Session::dispatch_on_pool(Request& request, const Match& match) {
  m_server.queued.fetch_add(1);
  m_server.publish_pool();
  // The job is built into a named variable before co_await: g++ 12 miscompiles temporaries
  // with captures inside a co_await expression (TOOLCHAIN.md). Request and match live in
  // this coroutine's caller frame until the job completes.
  asio::awaitable<Response> job = pool_job(m_server, request, match);
  Response response =
      co_await asio::co_spawn(m_server.pool.get_executor(), std::move(job), asio::use_awaitable);
  co_return response;
}

asio::awaitable<void> Session::write_response(const Response& response, const WireOptions& options,
                                              std::size_t& bytes_out, error_code& ec) {
  bool with_body = serialize_head(m_head, response, options, &m_server.config.default_headers);
  std::string_view body = with_body ? response.body_view() : std::string_view();
  std::array<asio::const_buffer, 2> buffers{asio::buffer(m_head.data(), m_head.size()),
                                            asio::buffer(body.data(), body.size())};
  bytes_out = co_await asio::async_write(m_socket, buffers,
                                         asio::redirect_error(asio::use_awaitable, ec));
}

asio::awaitable<void> Session::watch_peer(std::shared_ptr<Session> self) {
  // The client sends nothing on an event stream; a read completing means it went away (or
  // the socket was closed when the stream ended).
  std::array<char, 512> sink{};
  error_code ec;
  while (!ec && !self->m_closed)
    co_await self->m_socket.async_read_some(asio::buffer(sink),
                                            asio::redirect_error(asio::use_awaitable, ec));
  self->m_peer_gone = true;
  if (self->m_stream_timer) self->m_stream_timer->cancel();
}

asio::awaitable<void> Session::write_stream(StreamChannel& channel, std::size_t& bytes_out,
                                            error_code& ec) {
  const ServerConfig& config = m_server.config;
  asio::steady_timer wake(m_socket.get_executor());
  std::weak_ptr<Session> weak = weak_from_this();
  // Runs on the publisher's thread: only posts to this connection's strand.
  channel.set_waker([weak] {
    if (auto self = weak.lock())
      asio::post(self->m_socket.get_executor(), [self] {
        if (self->m_stream_timer) self->m_stream_timer->cancel();
      });
  });
  m_stream_timer = &wake;
  asio::co_spawn(m_socket.get_executor(), watch_peer(shared_from_this()), asio::detached);
  static constexpr std::string_view heartbeat = ": keep-alive\n\n";
  bool beat = false;
  while (!ec) {
    bool finished = false;
    std::string data = channel.take(finished);
    if (data.empty() && beat) data = heartbeat;
    beat = false;
    if (!data.empty()) {
      set_deadline(config.read_timeout);  // a client that stops reading is cut off
      bytes_out += co_await asio::async_write(m_socket, asio::buffer(data),
                                              asio::redirect_error(asio::use_awaitable, ec));
      set_deadline(no_deadline);
      if (m_server.stopping.load()) break;
      continue;
    }
    if (finished || m_peer_gone || m_server.stopping.load()) break;
    // Woken early (cancelled) by new data, the peer leaving or shutdown; on expiry a
    // heartbeat keeps proxies from closing a quiet stream and finds dead peers.
    wake.expires_after(config.stream_heartbeat);
    error_code wait_ec;
    co_await wake.async_wait(asio::redirect_error(asio::use_awaitable, wait_ec));
    if (!wait_ec) beat = true;
  }
  m_stream_timer = nullptr;
  channel.set_waker(nullptr);
}

asio::awaitable<void> Session::linger_close() {
  // Closing with unread request bytes makes the kernel send RST, which can destroy the error
  // response before the client reads it; read and discard briefly first (as nginx does).
  error_code ec;
  m_socket.shutdown(tcp::socket::shutdown_send, ec);
  set_deadline(std::min<Clock::duration>(m_server.config.read_timeout, std::chrono::seconds(1)));
  std::array<char, 4096> sink{};
  std::size_t total = 0;
  while (!ec && total < 1024 * 1024) {
    total += co_await m_socket.async_read_some(asio::buffer(sink),
                                               asio::redirect_error(asio::use_awaitable, ec));
  }
}

void Session::finish(const Request* request, std::string_view method, int status,
                     Clock::time_point start, std::size_t bytes_out) {
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::string_view route = request && !request->route_name.empty()
                               ? std::string_view(request->route_name)
                               : std::string_view("unmatched");
  static const std::string unmatched;
  m_server.metrics.observe_request(request ? request->route_name : unmatched, status, seconds);
  log_access(*m_server.log, AccessEntry{request ? std::string_view(request->request_id) : "-",
                                        method, route, status, seconds * 1000.0, bytes_out});
}

}  // namespace

void start_session(Server::Impl& server, tcp::socket socket) {
  auto session = std::make_shared<Session>(server, std::move(socket));
  server.register_session(session.get(), session);
  auto executor = session->executor();
  asio::co_spawn(executor, Session::watchdog(session), asio::detached);
  asio::co_spawn(executor, Session::run(session), asio::detached);
}

}  // namespace samspil::http
