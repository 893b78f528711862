// SocketStream is the ESP32's SSE transport minus the socket: the socket is a counting double.
#include "iotkit/net/socket_stream.h"

#include <gtest/gtest.h>

#include "fakes/counting_links.h"
#include "fakes/fakes.h"

namespace {

struct StreamRig {
  fakes::FakeClock clock;
  iotkit::ConnectLimits limits;
  iotkit::ConnectGate gate{clock, limits};
  fakes::CountingSocketLink link{clock};
  iotkit::SocketStream stream{link, gate};
  char buffer[64];

  std::string drain() {
    std::string out;
    for (int i = 0; i < 10000; ++i) {
      const size_t n = stream.poll(buffer, sizeof(buffer));
      if (n == 0 && stream.state() != iotkit::StreamState::Connecting) break;
      out.append(buffer, n);
    }
    return out;
  }
};

}  // namespace

TEST(SocketStream, OpenDoesNoIoAndTheNextPollMakesOneBoundedConnect) {
  StreamRig rig;
  ASSERT_EQ(rig.stream.open("https://demo.firebaseio.com/devices/u.json?auth=t"), iotkit::TransportError::None);
  EXPECT_EQ(rig.link.connects, 0);
  EXPECT_EQ(rig.clock.now, 0u);
  EXPECT_EQ(rig.stream.state(), iotkit::StreamState::Connecting);

  EXPECT_EQ(rig.stream.poll(rig.buffer, sizeof(rig.buffer)), 0u);
  EXPECT_EQ(rig.link.connects, 1);
  EXPECT_EQ(rig.link.handshakes, 1);
  EXPECT_EQ(rig.clock.now, rig.link.costs.connectMs + rig.link.costs.handshakeMs);
  ASSERT_EQ(rig.link.requests.size(), 1u);
  EXPECT_EQ(rig.link.requests[0],
            "GET /devices/u.json?auth=t HTTP/1.1\r\nHost: demo.firebaseio.com\r\nAccept: text/event-stream\r\n"
            "Cache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n");
}

TEST(SocketStream, HostHeaderCarriesANonDefaultPort) {
  StreamRig rig;
  rig.stream.open("http://192.168.1.20:9000/devices/u.json?ns=a2");
  rig.stream.poll(rig.buffer, sizeof(rig.buffer));
  ASSERT_EQ(rig.link.requests.size(), 1u);
  EXPECT_NE(rig.link.requests[0].find("\r\nHost: 192.168.1.20:9000\r\n"), std::string::npos);
  EXPECT_EQ(rig.link.origins[0].port, 9000);
  EXPECT_EQ(rig.link.handshakes, 0);
}

TEST(SocketStream, ParsesAHeadSplitAcrossReadsAndDecodesAChunkedBody) {
  StreamRig rig;
  rig.link.maxChunk = 1;  // every byte arrives in its own read
  rig.link.replies.push_back(
      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: Chunked\r\n\r\n"
      "b\r\nevent: put\n\r\n7\r\ndata: 1\r\n");
  rig.stream.open("http://127.0.0.1:9000/x.json");
  const std::string body = rig.drain();
  EXPECT_EQ(rig.stream.status(), 200);
  EXPECT_EQ(rig.stream.state(), iotkit::StreamState::Open);
  EXPECT_EQ(body, "event: put\ndata: 1");
}

TEST(SocketStream, FollowsARedirectOnTheNextPollToTheNewHost) {
  StreamRig rig;
  rig.link.replies.push_back("HTTP/1.1 307 Temporary Redirect\r\nLocation: https://other.firebaseio.com/x.json?ns=n\r\n\r\n");
  rig.link.replies.push_back("HTTP/1.1 200 OK\r\n\r\nevent: keep-alive\ndata: null\n\n");
  rig.stream.open("https://demo.firebaseio.com/x.json");
  const std::string body = rig.drain();
  EXPECT_EQ(rig.link.connects, 2);
  ASSERT_EQ(rig.link.origins.size(), 2u);
  EXPECT_EQ(rig.link.origins[1].host, "other.firebaseio.com");
  EXPECT_NE(rig.link.requests[1].find("GET /x.json?ns=n HTTP/1.1\r\nHost: other.firebaseio.com\r\n"), std::string::npos);
  EXPECT_EQ(body, "event: keep-alive\ndata: null\n\n");
}

TEST(SocketStream, StopsAfterThreeRedirects) {
  StreamRig rig;
  for (int i = 0; i < 5; ++i) rig.link.replies.push_back("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9000/loop\r\n\r\n");
  rig.stream.open("http://127.0.0.1:9000/x.json");
  rig.drain();
  EXPECT_EQ(rig.stream.state(), iotkit::StreamState::Failed);
  EXPECT_STREQ(rig.stream.lastError(), "too many redirects");
  EXPECT_EQ(rig.link.connects, 4);
}

TEST(SocketStream, ReportsClosedWhenTheServerEndsTheStream) {
  StreamRig rig;
  rig.link.replies.push_back("HTTP/1.1 200 OK\r\n\r\nevent: put\n");
  rig.stream.open("http://127.0.0.1:9000/x.json");
  rig.drain();
  ASSERT_EQ(rig.stream.state(), iotkit::StreamState::Open);
  rig.link.serverCloses();
  EXPECT_EQ(rig.stream.poll(rig.buffer, sizeof(rig.buffer)), 0u);
  EXPECT_EQ(rig.stream.state(), iotkit::StreamState::Closed);
}

TEST(SocketStream, DoesNotConnectWhileTheSharedGateBacksOff) {
  StreamRig rig;
  rig.gate.failed();  // e.g. the HTTP link just failed to reach the backend
  rig.stream.open("http://127.0.0.1:9000/x.json");
  rig.stream.poll(rig.buffer, sizeof(rig.buffer));
  EXPECT_EQ(rig.link.connects, 0);
  EXPECT_EQ(rig.stream.state(), iotkit::StreamState::Failed);
  EXPECT_EQ(rig.clock.now, 0u);
}

TEST(SocketStream, AnUnreachableBackendFailsAfterOneConnectTimeout) {
  StreamRig rig;
  rig.link.reachable = false;
  rig.stream.open("http://127.0.0.1:9000/x.json");
  rig.stream.poll(rig.buffer, sizeof(rig.buffer));
  EXPECT_EQ(rig.stream.state(), iotkit::StreamState::Failed);
  EXPECT_EQ(rig.clock.now, rig.limits.connectTimeoutMs);
  EXPECT_FALSE(rig.gate.mayAttempt());
}

TEST(SocketStream, RejectsANonHttpUrl) {
  StreamRig rig;
  EXPECT_EQ(rig.stream.open("ws://127.0.0.1:9000/x"), iotkit::TransportError::Other);
  EXPECT_EQ(rig.stream.state(), iotkit::StreamState::Failed);
  EXPECT_EQ(rig.link.connects, 0);
}
