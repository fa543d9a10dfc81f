// Streamed responses (server-sent events) over a real loopback socket: chunks written by
// another thread arrive, the stream ends when the handler closes it, when the client goes
// away and when the server shuts down, and the number of open streams is bounded.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "fixture.hpp"

namespace samspil::http::test {
namespace {

using namespace std::chrono_literals;

// A raw socket that sends one request and reads whatever arrives, as an EventSource would.
class StreamClient {
 public:
  explicit StreamClient(std::uint16_t port) {
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{0, 200'000};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    std::string req = "GET /events HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n";
    ::send(m_fd, req.data(), req.size(), MSG_NOSIGNAL);
  }
  ~StreamClient() { close(); }
  void close() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
  }
  // Reads until `needle` has arrived or the deadline passes; true when it arrived.
  bool wait_for(const std::string& needle, std::chrono::milliseconds limit = 3000ms) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (received.find(needle) == std::string::npos) {
      if (std::chrono::steady_clock::now() > until || eof) return false;
      read_once();
    }
    return true;
  }
  // Reads until the server closes the connection; true when it did within the limit.
  bool wait_for_eof(std::chrono::milliseconds limit = 3000ms) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (!eof) {
      if (std::chrono::steady_clock::now() > until) return false;
      read_once();
    }
    return true;
  }
  std::string received;
  bool eof = false;

 private:
  void read_once() {
    char buf[4096];
    ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
    if (n > 0) received.append(buf, static_cast<std::size_t>(n));
    else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) eof = true;
  }
  int m_fd = -1;
};

class StreamTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    m_router.add("GET", "/events", [this](Request&) {
      auto channel = std::make_shared<StreamChannel>(64 * 1024);
      channel->write("retry: 1000\n\n");
      {
        std::lock_guard lock(m_mutex);
        m_channels.push_back(channel);
      }
      m_cv.notify_all();
      return Response::event_stream(channel);
    }, {.name = "events", .policy = "public"});
  }
  // The n-th stream opened (waits for its handler to run).
  std::shared_ptr<StreamChannel> channel(std::size_t n) {
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, 3s, [&] { return m_channels.size() > n; });
    return m_channels.size() > n ? m_channels[n] : nullptr;
  }
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::vector<std::shared_ptr<StreamChannel>> m_channels;
};

TEST_F(StreamTest, EventsWrittenByAnotherThreadArriveInOrder) {
  start();
  StreamClient client(m_port);
  ASSERT_TRUE(client.wait_for("retry: 1000\n\n"));
  EXPECT_NE(client.received.find("HTTP/1.1 200 OK"), std::string::npos);
  EXPECT_NE(client.received.find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_NE(client.received.find("Connection: close"), std::string::npos);
  EXPECT_NE(client.received.find("Cache-Control: no-store"), std::string::npos);
  EXPECT_EQ(client.received.find("Content-Length"), std::string::npos);
  auto ch = channel(0);
  ASSERT_TRUE(ch);
  std::thread publisher([ch] {
    ch->write("id: 1\ndata: one\n\n");
    std::this_thread::sleep_for(50ms);
    ch->write("id: 2\ndata: two\n\n");
  });
  ASSERT_TRUE(client.wait_for("data: two\n\n"));
  publisher.join();
  EXPECT_LT(client.received.find("data: one"), client.received.find("data: two"));
  ch->close();
  EXPECT_TRUE(client.wait_for_eof());
}

TEST_F(StreamTest, ClientLeavingClosesTheChannel) {
  start();
  auto client = std::make_unique<StreamClient>(m_port);
  ASSERT_TRUE(client->wait_for("retry"));
  auto ch = channel(0);
  ASSERT_TRUE(ch);
  EXPECT_FALSE(ch->closed());
  client.reset();
  auto until = std::chrono::steady_clock::now() + 3s;
  while (!ch->closed() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(ch->closed());
  EXPECT_FALSE(ch->write("data: late\n\n"));
}

TEST_F(StreamTest, ShutdownEndsOpenStreamsWellWithinTheGrace) {
  ServerConfig config = test_config();
  config.shutdown_grace = 5000ms;
  config.stream_heartbeat = 60'000ms;
  start(config);
  StreamClient a(m_port), b(m_port);
  ASSERT_TRUE(a.wait_for("retry"));
  ASSERT_TRUE(b.wait_for("retry"));
  auto begin = std::chrono::steady_clock::now();
  m_server->stop();
  m_thread.join();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 2000ms);
  EXPECT_TRUE(a.wait_for_eof());
  EXPECT_TRUE(b.wait_for_eof());
  EXPECT_TRUE(channel(0)->closed());
  EXPECT_TRUE(channel(1)->closed());
}

TEST_F(StreamTest, QuietStreamGetsHeartbeats) {
  ServerConfig config = test_config();
  config.stream_heartbeat = 100ms;
  start(config);
  StreamClient client(m_port);
  ASSERT_TRUE(client.wait_for(": keep-alive\n\n", 2000ms));
}

TEST_F(StreamTest, StreamsBeyondTheLimitAreRefused) {
  ServerConfig config = test_config();
  config.max_streams = 1;
  start(config);
  StreamClient first(m_port);
  ASSERT_TRUE(first.wait_for("retry"));
  StreamClient second(m_port);
  ASSERT_TRUE(second.wait_for("HTTP/1.1 503"));
  EXPECT_TRUE(channel(1)->closed());
  // The slot is free again once the first stream ends.
  channel(0)->close();
  ASSERT_TRUE(first.wait_for_eof());
  std::this_thread::sleep_for(50ms);
  StreamClient third(m_port);
  EXPECT_TRUE(third.wait_for("HTTP/1.1 200"));
}

TEST(StreamChannelTest, SlowReaderIsCutOffAtTheBound) {
  StreamChannel ch(10);
  EXPECT_TRUE(ch.write("12345"));
  EXPECT_FALSE(ch.write("1234567"));
  EXPECT_TRUE(ch.closed());
  bool finished = false;
  EXPECT_EQ(ch.take(finished), "");
  EXPECT_TRUE(finished);
}

}  // namespace
}  // namespace samspil::http::test
