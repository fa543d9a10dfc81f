// A minimal samspil::http server for throughput measurements with wrk: /healthz answered
// on the I/O threads, /pool/healthz through the worker pool, and static files.
// Usage: http_echo_server PORT [IO_THREADS] [STATIC_DIR]
#include <cstdlib>
#include <iostream>

#include "http/server.hpp"

int main(int argc, char** argv) {
  using namespace samspil::http;
  if (argc < 2) {
    std::cerr << "usage: http_echo_server PORT [IO_THREADS] [STATIC_DIR]\n";
    return 2;
  }
  Router router;
  router.add("GET", "/healthz", [](Request&) { return Response::text(200, "ok\n"); },
             {"healthz", "public", Execution::io_thread});
  router.add("GET", "/pool/healthz", [](Request&) { return Response::text(200, "ok\n"); },
             {"pool.healthz", "public", Execution::worker_pool});
  Metrics metrics;
  router.add("GET", "/metrics", [&metrics](Request&) { return Response::text(200, metrics.render()); },
             {"metrics", "public", Execution::io_thread});
  ServerConfig config;
  config.port = static_cast<std::uint16_t>(std::atoi(argv[1]));
  config.io_threads = argc > 2 ? std::atoi(argv[2]) : 2;
  if (argc > 3) config.static_dir = argv[3];
  Server server(config, router, metrics);
  try {
    server.bind();
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  server.run(true);
  return 0;
}
