// The security headers every response carries (web/security_headers over the server's
// default_headers): pages, handler errors, unmatched paths and static files alike, with a
// handler's or static file's own Cache-Control kept; HSTS only when configured.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "client.hpp"
#include "edge/security_headers.hpp"
#include "fixture.hpp"

namespace samspil::http::test {
namespace {

namespace fs = std::filesystem;

class SecurityHeadersTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    m_dir = fs::temp_directory_path() / ("samspil-sechdr-" + std::to_string(::getpid()));
    fs::create_directories(m_dir / "css");
    std::ofstream(m_dir / "css" / "app.css") << "body{}";
    m_router.add("GET", "/side", [](Request&) { return Response::html(200, "<p>personlig</p>"); },
                 {"page", "public", Execution::io_thread});
    m_router.add("GET", "/egen", [](Request&) {
      Response r = Response::text(200, "x");
      r.set_header("Cache-Control", "private, max-age=5");
      return r;
    }, {"own", "public", Execution::io_thread});
    m_router.add("GET", "/fejl", [](Request&) -> Response { throw std::runtime_error("boom"); },
                 {"fails", "public", Execution::worker_pool});
  }
  void TearDown() override {
    ServerFixture::TearDown();
    fs::remove_all(m_dir);
  }
  void start_with(bool hsts) {
    ServerConfig config = test_config();
    config.static_dir = m_dir;
    config.default_headers = edge::security_headers({.hsts = hsts});
    start(config);
  }
  ClientResponse get(const std::string& target) {
    Client c(m_port);
    EXPECT_TRUE(c.send(get_request(target)));
    auto r = c.read_response();
    EXPECT_TRUE(r);
    return r ? *r : ClientResponse{};
  }
  static void expect_security_headers(const ClientResponse& r, const std::string& what) {
    const std::string csp = r.header("content-security-policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << what;
    EXPECT_NE(csp.find("style-src 'self'"), std::string::npos) << what;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << what;
    EXPECT_NE(csp.find("form-action 'self'"), std::string::npos) << what;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << what;
    EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos) << what;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << what;
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer") << what;
    EXPECT_NE(r.header("permissions-policy").find("camera=()"), std::string::npos) << what;
    EXPECT_EQ(r.header("cross-origin-opener-policy"), "same-origin") << what;
  }
  fs::path m_dir;
};

TEST_F(SecurityHeadersTest, EveryResponseCarriesThemAndOnlyStaticFilesMayBeCached) {
  start_with(/*hsts=*/true);
  for (const char* target : {"/side", "/fejl", "/findes-ikke", "/static/css/findes-ikke.css"}) {
    const auto r = get(target);
    expect_security_headers(r, target);
    EXPECT_EQ(r.header("cache-control"), "no-store") << target;
    EXPECT_EQ(r.header("strict-transport-security"), "max-age=31536000; includeSubDomains") << target;
  }
  EXPECT_EQ(get("/fejl").status, 500);
  EXPECT_EQ(get("/findes-ikke").status, 404);
  const auto asset = get("/static/css/app.css");
  EXPECT_EQ(asset.status, 200);
  expect_security_headers(asset, "static");
  EXPECT_NE(asset.header("cache-control"), "no-store");
  EXPECT_FALSE(asset.header("cache-control").empty());
  // A handler that decides its own caching keeps it (one header, not two).
  EXPECT_EQ(get("/egen").header("cache-control"), "private, max-age=5");
}

TEST_F(SecurityHeadersTest, NoHstsWithoutTls) {
  start_with(/*hsts=*/false);
  const auto r = get("/side");
  EXPECT_EQ(r.header("strict-transport-security"), "");
  EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST(SecurityHeaders, HstsFollowsThePublicUrlUnlessSetExplicitly) {
  EXPECT_TRUE(edge::hsts_enabled("auto", "https://samspil.kommune.dk"));
  EXPECT_FALSE(edge::hsts_enabled("auto", "http://localhost:8080"));
  EXPECT_FALSE(edge::hsts_enabled("auto", ""));
  EXPECT_TRUE(edge::hsts_enabled("on", ""));
  EXPECT_FALSE(edge::hsts_enabled("off", "https://samspil.kommune.dk"));
}

}  // namespace
}  // namespace samspil::http::test
