// The ESP32 connection policy, run against counting doubles of the platform links (no ESP32
// socket exists here). Time is fake: each link step advances the clock by what it would cost
// on a board, so "how long did loop() block" is measured, not guessed.
#include "iotkit/net/keep_alive_http.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "fakes/counting_links.h"
#include "fakes/fakes.h"
#include "iotkit/rtdb/rtdb_client.h"
#include "iotkit/rtdb/rtdb_stream.h"
#include "iotkit/net/socket_stream.h"

namespace {

constexpr const char* kRtdb = "https://demo-a2.firebaseio.com";
constexpr const char* kSignIn = "https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=k";

struct NullListener : iotkit::RtdbStreamListener {
  void onChange(iotkit::StreamEventKind, const char*, const cJSON*) override { ++changes; }
  int changes = 0;
};

/** The kit's A2 traffic: sign in once, then per reading a push, a latest PUT, a servo GET, and a stream. */
struct A2Device {
  fakes::FakeClock clock;
  iotkit::ConnectLimits limits;
  iotkit::ConnectGate gate{clock, limits};
  fakes::CountingHttpLink kept{clock};
  fakes::CountingHttpLink shortLived{clock};
  fakes::CountingSocketLink streamLink{clock};
  iotkit::KeepAliveHttp http{kept, shortLived, gate};
  iotkit::SocketStream socketStream{streamLink, gate};
  iotkit::StaticToken token{"id-token"};
  iotkit::RtdbClient rtdb{http, &token};
  iotkit::RtdbStream stream{socketStream, rtdb, clock};
  NullListener listener;
  uint32_t nextReading = 0;
  uint32_t longestLoopMs = 0;
  int failedRequests = 0;

  A2Device() {
    rtdb.configure(kRtdb, "");
    http.keepAliveFor(kRtdb);
    streamLink.replies.push_back(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nevent: put\ndata: {\"path\":\"/\",\"data\":90}\n\n");
  }

  void setup() {
    iotkit::HttpRequest signIn;
    signIn.method = iotkit::HttpMethod::Post;
    signIn.url = kSignIn;
    signIn.body = "{\"email\":\"d@example.com\",\"password\":\"pw\",\"returnSecureToken\":true}";
    iotkit::HttpResponse response;
    if (http.send(signIn, response) != iotkit::TransportError::None) ++failedRequests;
    stream.begin("/devices/u/servo", listener);
  }

  void loop() {
    const uint32_t start = clock.now;
    stream.poll();
    if (static_cast<int32_t>(clock.now - nextReading) >= 0) {
      nextReading += 1000;  // a fixed 1 s schedule, like A2's reading interval
      iotkit::RtdbResult result;
      if (rtdb.post("/devices/u/readings", "{\"ir\":1200,\"ts\":{\".sv\":\"timestamp\"}}", result) != iotkit::RtdbStatus::Ok)
        ++failedRequests;
      if (rtdb.put("/devices/u/latest", "{\"ir\":1200}", result) != iotkit::RtdbStatus::Ok) ++failedRequests;
      if (rtdb.get("/devices/u/lcd", result) != iotkit::RtdbStatus::Ok) ++failedRequests;
    }
    clock.now += 10;  // the rest of the loop: keypad scan, LCD, servo
    longestLoopMs = std::max(longestLoopMs, clock.now - start);
  }

  void runFor(uint32_t ms) {
    const uint32_t end = clock.now + ms;
    for (int i = 0; i < 100000 && static_cast<int32_t>(clock.now - end) < 0; ++i) loop();
  }
};

}  // namespace

TEST(KeepAliveHttp, KeepsOneConnectionPerOriginAcrossAMinuteOfA2Traffic) {
  A2Device device;
  device.setup();
  device.runFor(60000);

  std::printf("[ measured ] 60 s of A2 traffic: %d requests on %d database connection(s), %d stream connection(s), longest loop %u ms\n",
              device.kept.exchanges, device.kept.connects, device.streamLink.connects,
              static_cast<unsigned>(device.longestLoopMs));
  EXPECT_EQ(device.failedRequests, 0);
  EXPECT_GE(device.kept.exchanges, 180);  // 3 requests per reading, one reading per second
  EXPECT_EQ(device.kept.connects, 1);
  EXPECT_EQ(device.kept.handshakes, 1);
  EXPECT_EQ(device.kept.closes, 0);
  // The sign-in went over the short-lived link, which was closed again right after.
  EXPECT_EQ(device.shortLived.connects, 1);
  EXPECT_EQ(device.shortLived.exchanges, 1);
  EXPECT_EQ(device.shortLived.closes, 1);
  EXPECT_EQ(device.shortLived.origins[0].host, "identitytoolkit.googleapis.com");
  // One stream connection, opened once and never re-opened.
  EXPECT_EQ(device.streamLink.connects, 1);
  EXPECT_EQ(device.streamLink.handshakes, 1);
  EXPECT_TRUE(device.stream.connected());
  EXPECT_EQ(device.listener.changes, 1);
  EXPECT_EQ(device.http.stats().staleRetries, 0u);
}

TEST(KeepAliveHttp, RetriesAStaleKeptAliveSocketExactlyOnce) {
  A2Device device;
  device.runFor(3000);
  ASSERT_EQ(device.kept.connects, 1);
  device.kept.serverClosesIdle();
  device.runFor(1000);
  EXPECT_EQ(device.failedRequests, 0);
  EXPECT_EQ(device.kept.connects, 2);
  EXPECT_EQ(device.http.stats().staleRetries, 1u);
}

TEST(KeepAliveHttp, ASecondDropAfterTheRetryIsAFailureNotAnotherRetry) {
  fakes::FakeClock clock;
  iotkit::ConnectLimits limits;
  iotkit::ConnectGate gate(clock, limits);
  fakes::CountingHttpLink kept(clock);
  fakes::CountingHttpLink other(clock);
  iotkit::KeepAliveHttp http(kept, other, gate);
  iotkit::HttpRequest request;
  request.url = "http://192.168.1.20:9000/x.json";
  iotkit::HttpResponse response;
  ASSERT_EQ(http.send(request, response), iotkit::TransportError::None);
  kept.dropNext = 2;  // the stale socket drops, and so does the fresh one
  EXPECT_EQ(http.send(request, response), iotkit::TransportError::Other);
  EXPECT_EQ(kept.exchanges, 3);
  EXPECT_EQ(kept.connects, 2);
  EXPECT_EQ(http.stats().staleRetries, 1u);
  EXPECT_EQ(response.status, 0);
}

TEST(KeepAliveHttp, ADropOnAFreshConnectionIsNotRetried) {
  fakes::FakeClock clock;
  iotkit::ConnectLimits limits;
  iotkit::ConnectGate gate(clock, limits);
  fakes::CountingHttpLink kept(clock);
  fakes::CountingHttpLink other(clock);
  iotkit::KeepAliveHttp http(kept, other, gate);
  iotkit::HttpRequest request;
  request.method = iotkit::HttpMethod::Post;  // a push must not be sent twice on a guess
  request.url = "http://192.168.1.20:9000/x.json";
  iotkit::HttpResponse response;
  kept.dropNext = 1;
  EXPECT_EQ(http.send(request, response), iotkit::TransportError::Other);
  EXPECT_EQ(kept.exchanges, 1);
  EXPECT_EQ(http.stats().staleRetries, 0u);
}

TEST(KeepAliveHttp, NoLoopBlocksLongerThanOneConnectTimeoutWhileTheBackendIsDown) {
  A2Device device;
  device.setup();
  device.runFor(5000);
  const uint32_t healthyLongest = device.longestLoopMs;

  device.kept.reachable = false;
  device.shortLived.reachable = false;
  device.streamLink.reachable = false;
  device.kept.serverClosesIdle();
  device.streamLink.serverCloses();
  device.longestLoopMs = 0;
  const int connectsBefore = device.kept.connects + device.streamLink.connects;
  device.runFor(60000);

  // The stated bound: one connect timeout (plus the loop's own 10 ms), never two attempts in one loop.
  const uint32_t bound = device.limits.connectTimeoutMs + 10 + device.kept.costs.requestMs;
  EXPECT_LE(device.longestLoopMs, bound);
  EXPECT_GT(device.failedRequests, 0);
  // With the shared back-off (2 s doubling to 30 s) a minute costs a handful of attempts, not 180.
  const int attempts = device.kept.connects + device.streamLink.connects - connectsBefore;
  std::printf("[ measured ] backend down for 60 s: longest loop %u ms (bound %u), %d connect attempts, %u requests refused without waiting\n",
              static_cast<unsigned>(device.longestLoopMs), static_cast<unsigned>(bound), attempts,
              static_cast<unsigned>(device.http.stats().gated));
  EXPECT_GE(attempts, 3);
  EXPECT_LE(attempts, 8);
  EXPECT_GT(device.http.stats().gated, 100u);
  EXPECT_STRNE(device.http.lastError(), "");

  // Back up: everything reconnects, and loops are short again.
  device.kept.reachable = true;
  device.streamLink.reachable = true;
  device.streamLink.replies.push_back("HTTP/1.1 200 OK\r\n\r\n");
  const int failuresBefore = device.failedRequests;
  device.runFor(31000);  // longer than the largest back-off
  EXPECT_LE(device.failedRequests - failuresBefore, 3 * 31);
  device.longestLoopMs = 0;
  const int exchangesBefore = device.kept.exchanges;
  const int failuresAfterRecovery = device.failedRequests;
  device.runFor(10000);
  EXPECT_TRUE(device.stream.connected());
  EXPECT_LE(device.longestLoopMs, healthyLongest);
  EXPECT_EQ(device.failedRequests, failuresAfterRecovery);
  EXPECT_GE(device.kept.exchanges - exchangesBefore, 30);
}

TEST(KeepAliveHttp, ReportsACertificateFailureAsTlsWithTheLinkText) {
  fakes::FakeClock clock;
  iotkit::ConnectLimits limits;
  iotkit::ConnectGate gate(clock, limits);
  fakes::CountingHttpLink kept(clock);
  fakes::CountingHttpLink other(clock);
  iotkit::KeepAliveHttp http(kept, other, gate);
  kept.rejectCertificate = true;
  iotkit::HttpRequest request;
  request.url = "https://demo.firebaseio.com/x.json";
  iotkit::HttpResponse response;
  EXPECT_EQ(http.send(request, response), iotkit::TransportError::Tls);
  EXPECT_NE(std::string(http.lastError()).find("Certificate verification failed"), std::string::npos);
  EXPECT_FALSE(gate.mayAttempt());
}

TEST(KeepAliveHttp, RefusesANonHttpUrlWithoutConnecting) {
  fakes::FakeClock clock;
  iotkit::ConnectLimits limits;
  iotkit::ConnectGate gate(clock, limits);
  fakes::CountingHttpLink kept(clock);
  fakes::CountingHttpLink other(clock);
  iotkit::KeepAliveHttp http(kept, other, gate);
  iotkit::HttpRequest request;
  request.url = "ftp://example.com/x";
  iotkit::HttpResponse response;
  EXPECT_EQ(http.send(request, response), iotkit::TransportError::Other);
  EXPECT_EQ(kept.connects + other.connects, 0);
  EXPECT_STREQ(http.lastError(), "not an http(s) URL");
}

TEST(ConnectGate, BacksOffFromTwoSecondsToThirtyAndResetsOnSuccess) {
  fakes::FakeClock clock;
  iotkit::ConnectGate gate(clock, iotkit::ConnectLimits());
  EXPECT_TRUE(gate.mayAttempt());
  const uint32_t expected[] = {2000, 4000, 8000, 16000, 30000, 30000};
  for (uint32_t wait : expected) {
    gate.failed();
    EXPECT_EQ(gate.waitMs(), wait);
    clock.now += wait - 1;
    EXPECT_FALSE(gate.mayAttempt());
    clock.now += 1;
    EXPECT_TRUE(gate.mayAttempt());
  }
  gate.succeeded();
  gate.failed();
  EXPECT_EQ(gate.waitMs(), 2000u);
}
