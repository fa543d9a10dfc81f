// Access log and request ids. Formatting is done by hand into a stack buffer: this runs once
// per request on the I/O threads, and the throughput target (≥ 0.8× nginx) leaves little room.
#include "http/access_log.hpp"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <random>

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/sinks/base_sink.h>

namespace samspil::http {
namespace {

// Collects lines and writes them to a file descriptor in large chunks. spdlog's stdout sink
// flushes after every line (one write(2) per request), which costs more than the request.
class BufferedFdSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit BufferedFdSink(int fd) : m_fd(fd) { m_buffer.reserve(limit + 1024); }
  ~BufferedFdSink() override { write_out(); }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    m_buffer.append(msg.payload.data(), msg.payload.size());
    m_buffer.push_back('\n');
    if (m_buffer.size() >= limit) write_out();
  }
  void flush_() override { write_out(); }

 private:
  static constexpr std::size_t limit = 32 * 1024;

  void write_out() {
    std::size_t done = 0;
    while (done < m_buffer.size()) {
      ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
      if (n <= 0) break;  // a closed stdout must not stop the server; the lines are dropped
      done += static_cast<std::size_t>(n);
    }
    m_buffer.clear();
  }

  int m_fd;
  std::string m_buffer;
};

// "2026-11-22T22:51:45.123Z"; the part up to the seconds is cached per thread.
void append_timestamp(fmt::memory_buffer& out) {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto secs = time_point_cast<seconds>(now);
  auto millis = duration_cast<milliseconds>(now - secs).count();
  thread_local std::int64_t cached_secs = -1;
  thread_local std::array<char, 32> cached{};
  thread_local std::size_t cached_len = 0;
  std::int64_t s = secs.time_since_epoch().count();
  if (s != cached_secs) {
    std::time_t t = static_cast<std::time_t>(s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    cached_len = std::strftime(cached.data(), cached.size(), "%Y-%m-%dT%H:%M:%S", &tm);
    cached_secs = s;
  }
  out.append(cached.data(), cached.data() + cached_len);
  fmt::format_to(std::back_inserter(out), ".{:03}Z", millis);
}

void append_escaped(fmt::memory_buffer& out, std::string_view in) {
  for (char c : in) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", u);
    } else {
      out.push_back(c);
    }
  }
}

std::string_view level_name(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace: return "trace";
    case spdlog::level::debug: return "debug";
    case spdlog::level::info: return "info";
    case spdlog::level::warn: return "warn";
    case spdlog::level::err: return "error";
    case spdlog::level::critical: return "critical";
    default: return "info";
  }
}

}  // namespace

std::shared_ptr<spdlog::logger> access_logger() {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  if (auto existing = spdlog::get("access")) return existing;
  auto sink = std::make_shared<BufferedFdSink>(STDOUT_FILENO);
  sink->set_pattern("%v");
  auto logger = std::make_shared<spdlog::logger>("access", sink);
  logger->set_level(spdlog::level::info);
  logger->flush_on(spdlog::level::warn);
  spdlog::register_logger(logger);
  // Buffered lines reach stdout within a second even when traffic is light.
  spdlog::flush_every(std::chrono::seconds(1));
  return logger;
}

void log_access(spdlog::logger& logger, const AccessEntry& e) {
  if (!logger.should_log(spdlog::level::info)) return;
  fmt::memory_buffer out;
  out.append(std::string_view(R"({"ts":")"));
  append_timestamp(out);
  out.append(std::string_view(R"(","level":"info","request_id":")"));
  append_escaped(out, e.request_id);
  out.append(std::string_view(R"(","method":")"));
  append_escaped(out, e.method);
  out.append(std::string_view(R"(","route":")"));
  append_escaped(out, e.route);
  // No client address: an IP address is personal data (GDPR), and the access log must hold
  // none. Throttling reads Request::remote_address directly and does not need the log.
  fmt::format_to(std::back_inserter(out), R"(","status":{},"duration_ms":{:.3f},"bytes_out":{}}})", e.status,
                 e.duration_ms, e.bytes_out);
  logger.log(spdlog::level::info, spdlog::string_view_t(out.data(), out.size()));
}

void log_event(spdlog::logger& logger, spdlog::level::level_enum level, std::string_view event,
               std::string_view extra_json) {
  if (!logger.should_log(level)) return;
  fmt::memory_buffer out;
  out.append(std::string_view(R"({"ts":")"));
  append_timestamp(out);
  fmt::format_to(std::back_inserter(out), R"(","level":"{}","event":")", level_name(level));
  append_escaped(out, event);
  out.push_back('"');
  out.append(extra_json);
  out.push_back('}');
  logger.log(level, spdlog::string_view_t(out.data(), out.size()));
}

std::string json_escape(std::string_view in) {
  fmt::memory_buffer out;
  append_escaped(out, in);
  return fmt::to_string(out);
}

bool valid_request_id(std::string_view id) {
  if (id.size() < 8 || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string new_request_id() {
  // A request id only needs to be unique, not secret; a per-thread generator seeded from
  // libsodium avoids a getrandom(2) call per request.
  thread_local std::mt19937_64 generator = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::array<std::uint32_t, 8> seed{};
    randombytes_buf(seed.data(), sizeof seed);
    std::seed_seq seq(seed.begin(), seed.end());
    return std::mt19937_64(seq);
  }();
  static constexpr char hex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    std::uint64_t v = generator();
    for (int i = 0; i < 16; ++i) {
      id[static_cast<std::size_t>(half * 16 + i)] = hex[v & 0xf];
      v >>= 4;
    }
  }
  return id;
}

}  // namespace samspil::http
