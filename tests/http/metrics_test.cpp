// Metrics rendering: every sample line parses, counters grow, histogram buckets are
// cumulative and end in +Inf == _count, unmatched requests share one label.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <thread>

#include "http/metrics.hpp"

namespace samspil::http {
namespace {

double sample(const std::string& text, const std::string& series) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

// Checks one sample line: name, optional {label="value",…}, one space, a number.
// Hand-written because std::regex trips a false g++ 12 warning under the sanitizers.
bool valid_sample(const std::string& line) {
  auto name_char = [](char c, bool first) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':' ||
           (!first && std::isdigit(static_cast<unsigned char>(c)));
  };
  std::size_t i = 0;
  if (i >= line.size() || !name_char(line[i], true)) return false;
  while (i < line.size() && name_char(line[i], false)) ++i;
  if (i < line.size() && line[i] == '{') {
    ++i;
    while (i < line.size() && line[i] != '}') {
      std::size_t start = i;
      while (i < line.size() && name_char(line[i], i == start)) ++i;
      if (i == start || line.substr(i, 2) != "=\"") return false;
      i += 2;
      while (i < line.size() && line[i] != '"') i += line[i] == '\\' ? 2 : 1;
      if (i >= line.size()) return false;
      ++i;
      if (i < line.size() && line[i] == ',') ++i;
    }
    if (i >= line.size()) return false;
    ++i;
  }
  if (i >= line.size() || line[i] != ' ') return false;
  std::string value = line.substr(i + 1);
  if (value == "NaN" || value == "+Inf" || value == "-Inf") return true;
  char* end = nullptr;
  std::strtod(value.c_str(), &end);
  return !value.empty() && *end == '\0';
}

TEST(Metrics, RenderedLinesAreValidExposition) {
  Metrics m;
  m.observe_request("healthz", 200, 0.0004);
  m.observe_request("case.show", 404, 0.2);
  m.observe_request("", 400, 0.001);
  m.set_pool(4, 1, 2);
  m.add_gauge("samspil_jobs_due", "Jobs waiting.", [] { return 7.0; });
  std::string text = m.render();
  std::istringstream in(text);
  std::string line;
  int samples = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      EXPECT_TRUE(line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) << line;
    } else {
      EXPECT_TRUE(valid_sample(line)) << line;
      ++samples;
    }
  }
  EXPECT_GT(samples, 10);
  EXPECT_EQ(sample(text, R"(samspil_http_requests_total{route="healthz",status="200"})"), 1);
  EXPECT_EQ(sample(text, R"(samspil_http_requests_total{route="unmatched",status="400"})"), 1);
  EXPECT_EQ(sample(text, "samspil_http_workers"), 4);
  EXPECT_EQ(sample(text, "samspil_http_workers_busy"), 1);
  EXPECT_EQ(sample(text, "samspil_http_queue_depth"), 2);
  EXPECT_EQ(sample(text, "samspil_jobs_due"), 7);
}

TEST(Metrics, CountersIncreaseAndBucketsAreCumulative) {
  Metrics m;
  for (double s : {0.0005, 0.003, 0.003, 0.07, 3.0, 30.0}) m.observe_request("r", 200, s);
  std::string text = m.render();
  EXPECT_EQ(sample(text, R"(samspil_http_requests_total{route="r",status="200"})"), 6);
  std::string b = R"(samspil_http_request_duration_seconds_bucket{route="r",le=")";
  EXPECT_EQ(sample(text, b + R"(0.001"})"), 1);
  EXPECT_EQ(sample(text, b + R"(0.005"})"), 3);
  EXPECT_EQ(sample(text, b + R"(0.1"})"), 4);
  EXPECT_EQ(sample(text, b + R"(5"})"), 5);
  EXPECT_EQ(sample(text, b + R"(10"})"), 5);
  EXPECT_EQ(sample(text, b + R"(+Inf"})"), 6);
  EXPECT_EQ(sample(text, R"(samspil_http_request_duration_seconds_count{route="r"})"), 6);
  EXPECT_NEAR(sample(text, R"(samspil_http_request_duration_seconds_sum{route="r"})"), 33.0765, 1e-3);
  m.observe_request("r", 200, 0.01);
  EXPECT_EQ(sample(m.render(), R"(samspil_http_requests_total{route="r",status="200"})"), 7);
}

TEST(Metrics, ThreadSafeUnderConcurrentObservers) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&m, t] {
      for (int i = 0; i < 5000; ++i) m.observe_request("route" + std::to_string(i % 3), 200 + t, 0.002);
    });
  std::thread scraper([&m] {
    for (int i = 0; i < 20; ++i) (void)m.render();
  });
  for (auto& th : threads) th.join();
  scraper.join();
  std::string text = m.render();
  double total = 0;
  for (int r = 0; r < 3; ++r)
    total += sample(text, "samspil_http_request_duration_seconds_count{route=\"route" + std::to_string(r) + "\"}");
  EXPECT_EQ(total, 20000);
}

TEST(Metrics, FailingGaugeRendersNaN) {
  Metrics m;
  m.add_gauge("samspil_broken", "Broken.", []() -> double { throw std::runtime_error("x"); });
  EXPECT_NE(m.render().find("samspil_broken NaN"), std::string::npos);
}

}  // namespace
}  // namespace samspil::http
