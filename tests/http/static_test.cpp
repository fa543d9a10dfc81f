// Static files: content types, ETag + 304, gzip variants, cache lifetimes for hashed names,
// and refusal of anything outside the root (.., encoded .., hidden files, symlinks out).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "client.hpp"
#include "fixture.hpp"
#include "http/static_files.hpp"

namespace samspil::http::test {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

class StaticTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    m_dir = fs::temp_directory_path() / ("samspil-static-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    write(m_dir / "root" / "css" / "app.css", "body{color:red}");
    write(m_dir / "root" / "css" / "app.css.gz", "GZIPPED-BYTES");
    write(m_dir / "root" / "js" / "app.0123abcd.js", "console.log(1)");
    write(m_dir / "root" / "fonts" / "plex.woff2", std::string("wOF2\0\1", 6));
    write(m_dir / "root" / "img" / "logo.svg", "<svg/>");
    write(m_dir / "root" / ".env", "SECRET=1");
    write(m_dir / "secret.txt", "outside");
    fs::create_symlink(m_dir / "secret.txt", m_dir / "root" / "link.txt");
    m_router.add("GET", "/healthz", [](Request&) { return Response::text(200, "ok"); },
                 {"healthz", "public", Execution::io_thread});
    ServerConfig config = test_config();
    config.static_dir = m_dir / "root";
    start(config);
  }
  void TearDown() override {
    ServerFixture::TearDown();
    fs::remove_all(m_dir);
  }

  ClientResponse get(const std::string& target, const std::string& extra = "", bool head = false) {
    Client c(m_port);
    std::string req = (head ? "HEAD " : "GET ") + target + " HTTP/1.1\r\nHost: x\r\n" + extra + "\r\n";
    EXPECT_TRUE(c.send(req));
    auto r = c.read_response(head);
    EXPECT_TRUE(r);
    return r ? *r : ClientResponse{};
  }

  fs::path m_dir;
};

TEST_F(StaticTest, ServesWithContentTypeEtagAndShortCache) {
  auto r = get("/static/css/app.css");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "body{color:red}");
  EXPECT_EQ(r.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=300");
  EXPECT_EQ(r.header("vary"), "Accept-Encoding");
  EXPECT_EQ(r.header("content-encoding"), "");
  EXPECT_EQ(r.header("etag").front(), '"');
  EXPECT_EQ(get("/static/fonts/plex.woff2").header("content-type"), "font/woff2");
  EXPECT_EQ(get("/static/img/logo.svg").header("content-type"), "image/svg+xml");
}

TEST_F(StaticTest, IfNoneMatchGives304) {
  auto r = get("/static/css/app.css");
  std::string etag = r.header("etag");
  auto n = get("/static/css/app.css", "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(n.status, 304);
  EXPECT_TRUE(n.body.empty());
  EXPECT_EQ(n.header("etag"), etag);
  EXPECT_EQ(get("/static/css/app.css", "If-None-Match: \"other\"\r\n").status, 200);
}

TEST_F(StaticTest, GzipVariantForClientsThatAcceptIt) {
  auto plain = get("/static/css/app.css");
  auto gz = get("/static/css/app.css", "Accept-Encoding: br, gzip\r\n");
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(gz.body, "GZIPPED-BYTES");
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_EQ(gz.header("vary"), "Accept-Encoding");
  EXPECT_NE(gz.header("etag"), plain.header("etag"));
  EXPECT_EQ(get("/static/css/app.css", "Accept-Encoding: gzip;q=0\r\n").body, "body{color:red}");
  auto head = get("/static/css/app.css", "Accept-Encoding: gzip\r\n", true);
  EXPECT_EQ(head.header("content-length"), "13");
}

TEST_F(StaticTest, HashedNamesAreImmutable) {
  auto r = get("/static/js/app.0123abcd.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_TRUE(StaticFiles::is_hashed_name("dkfds.min.a1b2c3d4e5.css"));
  EXPECT_FALSE(StaticFiles::is_hashed_name("dkfds.min.css"));
  EXPECT_FALSE(StaticFiles::is_hashed_name("a1b2c3d4e5.css"));
}

TEST_F(StaticTest, TraversalAndHiddenFilesAreRefused) {
  for (const char* target : {"/static/../secret.txt", "/static/%2e%2e/secret.txt",
                             "/static/css/../../secret.txt", "/static//etc/passwd",
                             "/static/.env", "/static/link.txt", "/static/css", "/static/",
                             "/static/nope.css", "/static/css%2f..%2f..%2fsecret.txt"}) {
    auto r = get(target);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " -> " << r.status;
    EXPECT_EQ(r.body.find("outside"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << target;
  }
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(StaticTest, OnlyGetAndHead) {
  Client c(m_port);
  ASSERT_TRUE(c.send("POST /static/css/app.css HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->header("allow"), "GET, HEAD");
}

}  // namespace
}  // namespace samspil::http::test
