// Metrics on the request hot path: one shared (reader) lock to find the route's counters,
// then relaxed atomic increments. The exclusive lock is taken only the first time a route
// name is seen, and route names are a fixed set (unmatched requests share one label).
#include "http/metrics.hpp"

#include <array>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

namespace samspil::http {
namespace {

constexpr std::array<double, 13> bucket_bounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                  0.25,  0.5,    1.0,   2.5,  5.0,   10.0};
constexpr int min_status = 100;
constexpr int max_status = 599;

struct RouteStats {
  std::array<std::atomic<std::uint64_t>, max_status - min_status + 1> by_status{};
  // Per-bucket (not cumulative) counts; the last slot is +Inf. render() sums them up.
  std::array<std::atomic<std::uint64_t>, bucket_bounds.size() + 1> buckets{};
  std::atomic<std::uint64_t> sum_ns{0};
  std::atomic<std::uint64_t> count{0};
};

struct Gauge {
  std::string name;
  std::string help;
  std::function<double()> read;
};

// Prometheus label values escape backslash, quote and newline.
std::string escape_label(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string format_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", v);
}

}  // namespace

struct Metrics::State {
  mutable std::shared_mutex routes_mutex;
  std::unordered_map<std::string, std::unique_ptr<RouteStats>> routes;
  std::atomic<int> pool_size{0};
  std::atomic<int> pool_busy{0};
  std::atomic<int> pool_queued{0};
  mutable std::mutex gauges_mutex;
  std::vector<Gauge> gauges;

  RouteStats& stats_for(const std::string& route) {
    {
      std::shared_lock lock(routes_mutex);
      auto it = routes.find(route);
      if (it != routes.end()) return *it->second;
    }
    std::unique_lock lock(routes_mutex);
    auto& slot = routes[route];
    if (!slot) slot = std::make_unique<RouteStats>();
    return *slot;
  }
};

Metrics::Metrics() : m_state(new State) {}
Metrics::~Metrics() { delete m_state; }

void Metrics::observe_request(const std::string& route, int status, double seconds) {
  static const std::string unmatched = "unmatched";
  RouteStats& s = m_state->stats_for(route.empty() ? unmatched : route);
  if (status < min_status || status > max_status) status = 500;
  s.by_status[status - min_status].fetch_add(1, std::memory_order_relaxed);
  std::size_t b = 0;
  while (b < bucket_bounds.size() && seconds > bucket_bounds[b]) ++b;
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  if (seconds < 0) seconds = 0;
  s.sum_ns.fetch_add(static_cast<std::uint64_t>(seconds * 1e9), std::memory_order_relaxed);
  s.count.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::set_pool(int size, int busy, int queued) {
  m_state->pool_size.store(size, std::memory_order_relaxed);
  m_state->pool_busy.store(busy, std::memory_order_relaxed);
  m_state->pool_queued.store(queued, std::memory_order_relaxed);
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(m_state->gauges_mutex);
  m_state->gauges.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::string out;
  out.reserve(4096);
  // A sorted snapshot of route names keeps the output stable between scrapes.
  std::map<std::string, const RouteStats*> routes;
  {
    std::shared_lock lock(m_state->routes_mutex);
    for (const auto& [name, stats] : m_state->routes) routes.emplace(name, stats.get());
  }

  out += "# HELP samspil_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE samspil_http_requests_total counter\n";
  for (const auto& [name, s] : routes) {
    std::string label = escape_label(name);
    for (int st = min_status; st <= max_status; ++st) {
      auto n = s->by_status[st - min_status].load(std::memory_order_relaxed);
      if (n == 0) continue;
      fmt::format_to(std::back_inserter(out),
                     "samspil_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", label, st,
                     n);
    }
  }

  out += "# HELP samspil_http_request_duration_seconds Time from request read to response "
         "written, by route.\n";
  out += "# TYPE samspil_http_request_duration_seconds histogram\n";
  for (const auto& [name, s] : routes) {
    std::string label = escape_label(name);
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < bucket_bounds.size(); ++b) {
      cumulative += s->buckets[b].load(std::memory_order_relaxed);
      fmt::format_to(std::back_inserter(out),
                     "samspil_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                     label, bucket_bounds[b], cumulative);
    }
    cumulative += s->buckets.back().load(std::memory_order_relaxed);
    // Count is derived from the buckets so that +Inf == _count holds within one scrape.
    fmt::format_to(std::back_inserter(out),
                   "samspil_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n"
                   "samspil_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n"
                   "samspil_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                   label, cumulative, label,
                   format_value(static_cast<double>(s->sum_ns.load(std::memory_order_relaxed)) /
                                1e9),
                   label, cumulative);
  }

  fmt::format_to(std::back_inserter(out),
                 "# HELP samspil_http_workers Threads in the handler worker pool.\n"
                 "# TYPE samspil_http_workers gauge\n"
                 "samspil_http_workers {}\n"
                 "# HELP samspil_http_workers_busy Worker threads running a handler.\n"
                 "# TYPE samspil_http_workers_busy gauge\n"
                 "samspil_http_workers_busy {}\n"
                 "# HELP samspil_http_queue_depth Requests waiting for a worker thread.\n"
                 "# TYPE samspil_http_queue_depth gauge\n"
                 "samspil_http_queue_depth {}\n",
                 m_state->pool_size.load(), m_state->pool_busy.load(),
                 m_state->pool_queued.load());

  std::vector<Gauge> gauges;
  {
    std::lock_guard lock(m_state->gauges_mutex);
    gauges = m_state->gauges;
  }
  // Read outside the lock: a gauge callback may be slow (e.g. a database count).
  for (const auto& g : gauges) {
    double value = std::nan("");
    try {
      if (g.read) value = g.read();
    } catch (const std::exception&) {
      // A failing gauge shows as NaN rather than failing the whole scrape.
      value = std::nan("");
    }
    fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} gauge\n{} {}\n", g.name,
                   g.help, g.name, g.name, format_value(value));
  }
  return out;
}

}  // namespace samspil::http
