// The server over real loopback sockets: keep-alive, pipelining, limits (400/408/413/431),
// idle close, the worker pool, handler exceptions, request ids, the access log and graceful
// stop. After every failure case a fresh connection must still get 200.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <thread>

#include "client.hpp"
#include "fixture.hpp"

namespace samspil::http::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class ServerTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    m_router.add("GET", "/healthz", [](Request&) { return Response::text(200, "ok"); },
                 {"healthz", "public", Execution::io_thread});
    m_router.add("GET", "/slow", [](Request&) {
      std::this_thread::sleep_for(300ms);
      return Response::text(200, "slow");
    }, {"slow", "public", Execution::worker_pool});
    m_router.add("GET", "/boom", [](Request&) -> Response { throw std::runtime_error("db gone"); },
                 {"boom", "public", Execution::worker_pool});
    m_router.add("GET", "/boom-io", [](Request&) -> Response { throw 42; },
                 {"boom.io", "public", Execution::io_thread});
    m_router.add("POST", "/echo", [](Request& r) { return Response::text(200, r.body); },
                 {"echo", "public", Execution::worker_pool});
    m_router.add("GET", "/id", [](Request& r) { return Response::text(200, r.request_id); },
                 {"id", "public", Execution::io_thread});
    m_router.add("GET", "/sager/{id}", [](Request& r) { return Response::text(200, "sag " + r.params["id"]); },
                 {"case.show", "staff", Execution::worker_pool});
  }

  // A fresh connection still gets served: the server survived whatever came before.
  void expect_still_serving() {
    Client c(m_port);
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send(get_request("/healthz")));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "ok");
  }
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start();
  Client c(m_port);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.send(get_request("/sager/" + std::to_string(i))));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "sag " + std::to_string(i));
    EXPECT_EQ(r->header("connection"), "");
    EXPECT_EQ(r->header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r->header("referrer-policy"), "no-referrer");
    EXPECT_EQ(r->header("x-frame-options"), "DENY");
    EXPECT_NE(r->header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(r->header("server"), "");
    EXPECT_FALSE(r->header("date").empty());
  }
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  Client c(m_port);
  // The slow pool request first: the fast one behind it must still come second.
  ASSERT_TRUE(c.send(get_request("/slow") + get_request("/healthz") + get_request("/sager/7")));
  auto a = c.read_response();
  auto b = c.read_response();
  auto d = c.read_response();
  ASSERT_TRUE(a && b && d);
  EXPECT_EQ(a->body, "slow");
  EXPECT_EQ(b->body, "ok");
  EXPECT_EQ(d->body, "sag 7");
}

TEST_F(ServerTest, Http10ClosesByDefault) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send("GET /healthz HTTP/1.0\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, Http10KeepAliveWhenAsked) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  auto a = c.read_response();
  ASSERT_TRUE(a);
  EXPECT_EQ(a->header("connection"), "keep-alive");
  ASSERT_TRUE(c.send("GET /healthz HTTP/1.0\r\n\r\n"));
  auto b = c.read_response();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 200);
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(ServerTest, PoolUsageIsPublished) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send(get_request("/slow")));
  std::this_thread::sleep_for(100ms);
  EXPECT_NE(m_metrics.render().find("samspil_http_workers_busy 1"), std::string::npos);
  ASSERT_TRUE(c.read_response());
  EXPECT_NE(m_metrics.render().find("samspil_http_workers_busy 0"), std::string::npos);
}

TEST_F(ServerTest, HeadAnswersHeadersWithoutBody) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n" + get_request("/healthz")));
  auto h = c.read_response(true);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  EXPECT_EQ(h->header("content-length"), "2");
  auto g = c.read_response();  // would be garbled if HEAD had sent a body
  ASSERT_TRUE(g);
  EXPECT_EQ(g->body, "ok");
}

TEST_F(ServerTest, OversizedHeaderIs431) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send(get_request("/healthz", "X-Big: " + std::string(8000, 'a') + "\r\n")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(c.closed_by_server());
  expect_still_serving();
}

TEST_F(ServerTest, DeclaredOversizedBodyIs413BeforeTheBodyIsSent) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_NE(r->body.find("højst"), std::string::npos);
  expect_still_serving();
}

TEST_F(ServerTest, ChunkedBodyOverLimitIs413) {
  start();
  Client c(m_port);
  std::string chunk(800, 'x');
  ASSERT_TRUE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  expect_still_serving();
}

TEST_F(ServerTest, BodyWithinLimitIsEchoedIncludingExpectContinue) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhallo"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "hallo");
  ASSERT_TRUE(c.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"));
  auto cont = c.read_response();
  ASSERT_TRUE(cont);
  EXPECT_EQ(cont->status, 100);
  ASSERT_TRUE(c.send("hej"));
  auto r2 = c.read_response();
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->body, "hej");
}

TEST_F(ServerTest, GarbageIs400) {
  start();
  for (std::string garbage : {std::string("HELLO THERE\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n"),
                              std::string("GET nope HTTP/1.1\r\nHost: x\r\n\r\n"),
                              std::string("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
                              std::string("GET /sager/a%2Fb HTTP/1.1\r\nHost: x\r\n\r\n"),  // encoded slash
                              std::string("GET / HTTP/1.1\r\nBad Header\r\n\r\n"),
                              std::string("GET /healthz HTTP/1.1\r\n\r\n"),  // no Host
                              // Request smuggling shapes: conflicting framing is refused.
                              std::string("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                              std::string("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                                          "Content-Length: 4\r\n\r\nabcd")}) {
    Client c(m_port);
    ASSERT_TRUE(c.send(garbage));
    auto r = c.read_response();
    ASSERT_TRUE(r) << garbage;
    EXPECT_EQ(r->status, 400) << garbage;
    EXPECT_NE(r->body.find("Ugyldig"), std::string::npos);
    EXPECT_TRUE(c.closed_by_server());
  }
  expect_still_serving();
}

TEST_F(ServerTest, StalledRequestGets408ThenClose) {
  start();
  Client c(m_port);
  auto t0 = Clock::now();
  ASSERT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));  // never finished
  auto r = c.read_response();
  auto elapsed = Clock::now() - t0;
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 408);
  EXPECT_GE(elapsed, 250ms);
  EXPECT_LT(elapsed, 1500ms);
  EXPECT_TRUE(c.closed_by_server());
  expect_still_serving();
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send(get_request("/healthz")));
  ASSERT_TRUE(c.read_response());
  auto t0 = Clock::now();
  EXPECT_TRUE(c.closed_by_server());
  auto elapsed = Clock::now() - t0;
  EXPECT_GE(elapsed, 300ms);
  EXPECT_LT(elapsed, 1500ms);
  expect_still_serving();
}

TEST_F(ServerTest, SlowPoolHandlerDoesNotBlockIoRoutes) {
  start();
  Client slow(m_port);
  ASSERT_TRUE(slow.send(get_request("/slow")));
  std::this_thread::sleep_for(50ms);
  auto t0 = Clock::now();
  Client fast(m_port);
  ASSERT_TRUE(fast.send(get_request("/healthz")));
  auto f = fast.read_response();
  auto fast_elapsed = Clock::now() - t0;
  ASSERT_TRUE(f);
  EXPECT_EQ(f->status, 200);
  EXPECT_LT(fast_elapsed, 150ms);
  auto s = slow.read_response();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->body, "slow");
}

TEST_F(ServerTest, HandlerExceptionIs500AndServerKeepsServing) {
  start();
  for (const char* path : {"/boom", "/boom-io"}) {
    Client c(m_port);
    ASSERT_TRUE(c.send(get_request(path, "X-Request-Id: fejl-1234-abcd\r\n")));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500);
    EXPECT_EQ(r->header("content-type"), "application/problem+json");
    auto doc = nlohmann::json::parse(r->body);
    EXPECT_EQ(doc["status"], 500);
    EXPECT_NE(doc["detail"].get<std::string>().find("fejl-1234-abcd"), std::string::npos);
    EXPECT_EQ(doc["detail"].get<std::string>().find("db gone"), std::string::npos);
    // A 500 does not poison the connection.
    ASSERT_TRUE(c.send(get_request("/healthz")));
    auto ok = c.read_response();
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200);
  }
  expect_still_serving();
}

TEST_F(ServerTest, RequestIdIsEchoedOrGenerated) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send(get_request("/id", "X-Request-Id: abc-12345678\r\n")));
  auto a = c.read_response();
  ASSERT_TRUE(a);
  EXPECT_EQ(a->body, "abc-12345678");
  EXPECT_EQ(a->header("x-request-id"), "abc-12345678");
  for (std::string bad : {"short", "has space in it!", "<script>alert(1)</script>"}) {
    ASSERT_TRUE(c.send(get_request("/id", "X-Request-Id: " + bad + "\r\n")));
    auto b = c.read_response();
    ASSERT_TRUE(b);
    EXPECT_NE(b->body, bad);
    EXPECT_EQ(b->body.size(), 32u);
    EXPECT_EQ(b->header("x-request-id"), b->body);
  }
  ASSERT_TRUE(c.send(get_request("/id")));
  auto g1 = c.read_response();
  ASSERT_TRUE(c.send(get_request("/id")));
  auto g2 = c.read_response();
  ASSERT_TRUE(g1 && g2);
  EXPECT_NE(g1->body, g2->body);
}

TEST_F(ServerTest, NotFoundAndMethodNotAllowed) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send(get_request("/findes-ikke")));
  auto a = c.read_response();
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 404);
  EXPECT_EQ(a->header("content-type"), "application/problem+json");
  ASSERT_TRUE(c.send("DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto b = c.read_response();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 405);
  EXPECT_EQ(b->header("allow"), "GET, HEAD");
}

TEST_F(ServerTest, AccessLogHasRouteNameButNoPathQueryOrSecrets) {
  start();
  Client c(m_port);
  ASSERT_TRUE(c.send(get_request("/sager/0101901234?cpr=0101901234",
                                 "X-Request-Id: logtest-0001\r\nAuthorization: Bearer hemmelig\r\n"
                                 "Cookie: session=hemmelig\r\n")));
  ASSERT_TRUE(c.read_response());
  m_server->stop();
  m_thread.join();
  bool found = false;
  for (const auto& line : access_sink()->last_formatted()) {
    EXPECT_EQ(line.find("0101901234"), std::string::npos) << line;
    EXPECT_EQ(line.find("hemmelig"), std::string::npos) << line;
    auto doc = nlohmann::json::parse(line);  // every line is JSON
    EXPECT_TRUE(doc.contains("ts"));
    EXPECT_TRUE(doc.contains("level"));
    if (doc.value("request_id", "") == "logtest-0001") {
      found = true;
      EXPECT_EQ(doc["route"], "case.show");
      EXPECT_EQ(doc["method"], "GET");
      EXPECT_EQ(doc["status"], 200);
      EXPECT_FALSE(doc.contains("remote")) << "an IP address is personal data";
      EXPECT_GT(doc["bytes_out"].get<int>(), 0);
      EXPECT_TRUE(doc["duration_ms"].is_number());
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ServerTest, MetricsCountRequestsByRouteAndPool) {
  start();
  Client c(m_port);
  for (const char* p : {"/healthz", "/healthz", "/sager/1", "/nope"}) {
    ASSERT_TRUE(c.send(get_request(p)));
    ASSERT_TRUE(c.read_response());
  }
  // Metrics are recorded just after the response is written, so allow a moment.
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text = m_metrics.render();
    if (text.find(R"(route="unmatched",status="404"} 1)") != std::string::npos) break;
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_NE(text.find(R"(samspil_http_requests_total{route="healthz",status="200"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(samspil_http_requests_total{route="case.show",status="200"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(samspil_http_requests_total{route="unmatched",status="404"} 1)"), std::string::npos);
  EXPECT_NE(text.find("samspil_http_workers 2"), std::string::npos);
  EXPECT_NE(text.find("samspil_http_workers_busy 0"), std::string::npos);
}

TEST_F(ServerTest, GracefulStopFinishesInFlightRequestThenRefuses) {
  start();
  Client c(m_port);
  Client idle(m_port);
  ASSERT_TRUE(idle.connected());
  ASSERT_TRUE(c.send(get_request("/slow")));
  std::this_thread::sleep_for(100ms);
  auto t0 = Clock::now();
  m_server->stop();
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "slow");
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(idle.closed_by_server());
  m_thread.join();
  EXPECT_LT(Clock::now() - t0, 1500ms);
  Client late(m_port);
  EXPECT_FALSE(late.connected());
}

TEST_F(ServerTest, StopIsBoundedByGraceEvenWhenAHandlerIsSlower) {
  ServerConfig config = test_config();
  config.shutdown_grace = std::chrono::milliseconds(100);
  start(config);
  Client c(m_port);
  ASSERT_TRUE(c.send(get_request("/slow")));
  std::this_thread::sleep_for(50ms);
  auto t0 = Clock::now();
  m_server->stop();
  m_thread.join();
  EXPECT_LT(Clock::now() - t0, 250ms);
  m_server.reset();  // waits for the stuck handler, then frees everything (ASan checks)
}

TEST_F(ServerTest, ConcurrentClientsOnIoAndPoolRoutes) {
  start();
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([this, t, &ok] {
      Client c(m_port);
      for (int i = 0; i < 40; ++i) {
        std::string id = std::to_string(t * 100 + i);
        if (!c.send(get_request(i % 2 ? "/healthz" : "/sager/" + id) + get_request("/sager/" + id))) return;
        auto a = c.read_response();
        auto b = c.read_response();
        if (a && b && a->status == 200 && b->body == "sag " + id) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 8 * 40);
}

TEST_F(ServerTest, RandomBytesNeverTakeTheServerDown) {
  start();
  std::mt19937 rng(1234);
  for (int i = 0; i < 60; ++i) {
    Client c(m_port, 1000);
    std::string junk(static_cast<std::size_t>(rng() % 600 + 1), '\0');
    for (auto& ch : junk) ch = static_cast<char>(rng() % 256);
    // Half the cases start like a request, so the parser gets past the first line.
    if (i % 2) junk = "GET /healthz HTTP/1.1\r\n" + junk + "\r\n\r\n";
    c.send(junk);
    auto r = c.read_response();
    if (r) {
      EXPECT_TRUE(r->status == 400 || r->status == 200 || r->status == 431 || r->status == 413 ||
                  r->status == 408) << r->status;
    }
  }
  expect_still_serving();
}

TEST_F(ServerTest, BindFailsClearlyWhenAddressIsInUse) {
  start();
  ServerConfig config = test_config();
  config.port = m_port;
  Server second(config, m_router, m_metrics);
  try {
    second.bind();
    FAIL() << "bind should fail";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(std::to_string(m_port)), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace samspil::http::test
