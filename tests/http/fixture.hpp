#pragma once
// A real server on a loopback port, run on a background thread, with short timeouts so the
// timeout tests stay fast, and the access log captured in memory for inspection.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include "http/server.hpp"

namespace samspil::http::test {

// The in-memory access log shared by every test (spdlog's registry is process-wide).
inline std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> access_sink() {
  static std::once_flag once;
  static std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink;
  std::call_once(once, [] {
    sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(2000);
    sink->set_pattern("%v");
    auto logger = std::make_shared<spdlog::logger>("access", sink);
    logger->set_level(spdlog::level::info);
    spdlog::register_logger(logger);
  });
  return sink;
}

inline ServerConfig test_config() {
  ServerConfig c;
  c.host = "127.0.0.1";
  c.port = 0;
  c.body_limit = 1024;
  c.header_limit = 4096;
  c.read_timeout = std::chrono::milliseconds(300);
  c.idle_timeout = std::chrono::milliseconds(400);
  c.shutdown_grace = std::chrono::milliseconds(2000);
  c.io_threads = 2;
  c.worker_threads = 2;
  return c;
}

class ServerFixture : public ::testing::Test {
 protected:
  void SetUp() override { access_sink(); }

  void start(ServerConfig config = test_config()) {
    m_server = std::make_unique<Server>(std::move(config), m_router, m_metrics);
    m_server->bind();
    m_port = m_server->port();
    m_thread = std::thread([this] { m_server->run(false); });
  }

  void TearDown() override {
    if (m_server) m_server->stop();
    if (m_thread.joinable()) m_thread.join();
  }

  Router m_router;
  Metrics m_metrics;
  std::unique_ptr<Server> m_server;
  std::thread m_thread;
  std::uint16_t m_port = 0;
};

}  // namespace samspil::http::test
