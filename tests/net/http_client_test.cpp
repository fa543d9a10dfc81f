// src/net: the outbound client against a real HTTP server on a loopback port (the server of
// src/http, from tests/http's fixture): status and body, the body cap, redirects only when
// allowed, form and multipart bodies, Basic authentication, timeouts and refused connections;
// and percent-encoding.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "fixture.hpp"
#include "net/http_client.hpp"
#include "net/percent_encoding.hpp"

namespace samspil::net {
namespace {

using namespace std::chrono_literals;
using http::Execution;
using http::Request;
using http::Response;

class HttpClientTest : public http::test::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    m_router.add("GET", "/text", [](Request&) { return Response::text(200, "hej"); },
                 {"text", "public", Execution::io_thread});
    m_router.add("GET", "/missing", [](Request&) { return Response::text(404, "findes ikke"); },
                 {"missing", "public", Execution::io_thread});
    m_router.add("GET", "/big", [](Request&) { return Response::text(200, std::string(4096, 'x')); },
                 {"big", "public", Execution::io_thread});
    m_router.add("GET", "/moved", [](Request&) { return Response::redirect("/text"); },
                 {"moved", "public", Execution::io_thread});
    m_router.add("GET", "/slow", [](Request&) {
      std::this_thread::sleep_for(600ms);
      return Response::text(200, "sent");
    }, {"slow", "public", Execution::worker_pool});
    // Echoes what arrived: the content type, the authorization header and the body.
    m_router.add("POST", "/echo", [](Request& r) {
      return Response::text(200, r.header("content-type") + "\n" + r.header("authorization") + "\n" + r.body);
    }, {"echo", "public", Execution::worker_pool});
    auto config = http::test::test_config();
    config.body_limit = 64 * 1024;
    start(config);
  }

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
};

TEST_F(HttpClientTest, AnswersStatusAndBodyAndAnErrorStatusIsAResponse) {
  const auto ok = send({.url = url("/text")}, {});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "hej");
  const auto missing = send({.url = url("/missing")}, {});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, "findes ikke");
}

TEST_F(HttpClientTest, RefusesAnAnswerLargerThanTheCap) {
  try {
    send({.url = url("/big")}, {.max_body_bytes = 1024});
    FAIL() << "a 4 KiB answer passed a 1 KiB cap";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::too_large);
  }
  EXPECT_EQ(send({.url = url("/big")}, {.max_body_bytes = 4096}).body.size(), 4096U);
}

TEST_F(HttpClientTest, FollowsRedirectsOnlyWhenAllowed) {
  const auto answered = send({.url = url("/moved")}, {});
  EXPECT_EQ(answered.status, 303);
  const auto followed = send({.url = url("/moved")}, {.max_redirects = 3});
  EXPECT_EQ(followed.status, 200);
  EXPECT_EQ(followed.body, "hej");
}

TEST_F(HttpClientTest, PostsFormAndMultipartBodiesWithBasicAuthentication) {
  const auto form = send(
      {.url = url("/echo"), .form_body = "a=1&b=%C3%A6", .basic_user = "klient", .basic_password = "hemmelig"}, {});
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("application/x-www-form-urlencoded"), std::string::npos) << form.body;
  EXPECT_NE(form.body.find("Basic a2xpZW50OmhlbW1lbGln"), std::string::npos) << form.body;  // klient:hemmelig
  EXPECT_NE(form.body.find("a=1&b=%C3%A6"), std::string::npos) << form.body;

  const auto multipart = send({.url = url("/echo"),
                               .parts = {{"metadata", "", "application/json", R"({"id":"m1"})"},
                                         {"document", "aftale.pdf", "application/pdf", "%PDF-1.7"}}},
                              {});
  EXPECT_EQ(multipart.status, 200);
  EXPECT_NE(multipart.body.find("multipart/form-data; boundary="), std::string::npos) << multipart.body;
  EXPECT_NE(multipart.body.find("name=\"metadata\""), std::string::npos) << multipart.body;
  EXPECT_NE(multipart.body.find(R"({"id":"m1"})"), std::string::npos) << multipart.body;
  EXPECT_NE(multipart.body.find("filename=\"aftale.pdf\""), std::string::npos) << multipart.body;
  EXPECT_NE(multipart.body.find("%PDF-1.7"), std::string::npos) << multipart.body;
}

TEST_F(HttpClientTest, GivesUpAfterTheTotalTimeout) {
  const auto started = std::chrono::steady_clock::now();
  try {
    send({.url = url("/slow")}, {.total_timeout_ms = 150});
    FAIL() << "a 600 ms answer passed a 150 ms timeout";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::timed_out);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 550ms);
}

TEST_F(HttpClientTest, ARefusedConnectionAndAnotherSchemeAreErrors) {
  const std::uint16_t port = m_port;
  m_server->stop();
  m_thread.join();
  m_server.reset();
  try {
    send({.url = "http://127.0.0.1:" + std::to_string(port) + "/text"}, {.connect_timeout_ms = 1000});
    FAIL() << "a closed port answered";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::cannot_connect);
  }
  try {
    send({.url = "ftp://127.0.0.1/fil"}, {});
    FAIL() << "ftp was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::scheme_refused);
  }
}

TEST(PercentEncode, KeepsUnreservedAndEncodesEverythingElse) {
  EXPECT_EQ(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(percent_encode("a b&c=d/e"), "a%20b%26c%3Dd%2Fe");
  EXPECT_EQ(percent_encode("Ærø"), "%C3%86r%C3%B8");
  EXPECT_EQ(percent_encode("/sager/1?x=y", "/"), "/sager/1%3Fx%3Dy");
  EXPECT_EQ(percent_encode(std::string("\0a", 2)), "%00a");
}

}  // namespace
}  // namespace samspil::net
