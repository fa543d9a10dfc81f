#pragma once
// Prometheus text-format metrics: requests by route and status, a latency histogram,
// worker pool usage, and gauges read through callbacks (e.g. the job queue depth).
#include <functional>
#include <string>

namespace samspil::http {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Records one finished request.
  void observe_request(const std::string& route, int status, double seconds);
  // Tracks the worker pool: busy workers and queued requests.
  void set_pool(int size, int busy, int queued);
  // Registers a gauge whose value is read at scrape time.
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  // Renders everything in Prometheus text exposition format 0.0.4.
  std::string render() const;

 private:
  struct State;
  State* m_state;
};

}  // namespace samspil::http
