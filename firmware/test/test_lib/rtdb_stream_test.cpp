#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../fakes/fakes.h"
#include "iotkit/rtdb/rtdb_stream.h"

using iotkit::StreamNotice;

namespace {

struct Listener : iotkit::RtdbStreamListener {
  void onChange(iotkit::StreamEventKind kind, const char* path, const cJSON* data) override {
    char* text = cJSON_PrintUnformatted(data);
    changes.push_back(std::string(kind == iotkit::StreamEventKind::Put ? "put " : "patch ") + path + " " + text);
    cJSON_free(text);
  }
  void onNotice(StreamNotice notice, int32_t status) override {
    notices.push_back(std::string(iotkit::streamNoticeName(notice)) + " " + std::to_string(status));
  }
  std::vector<std::string> changes;
  std::vector<std::string> notices;
};

struct RotatingToken : iotkit::TokenSource {
  const char* idToken() override { return token.c_str(); }
  std::string token = "t1";
};

class RtdbStreamTest : public ::testing::Test {
 protected:
  void SetUp() override { client.configure("http://h:9000", "ns1"); }
  fakes::RecordingTransport http;
  RotatingToken token;
  iotkit::RtdbClient client{http, &token};
  fakes::FakeStream wire;
  fakes::FakeClock clock;
  iotkit::RtdbStream stream{wire, client, clock};
  Listener listener;
};

}  // namespace

TEST_F(RtdbStreamTest, ConnectsToTheNodeUrlOnFirstPoll) {
  ASSERT_EQ(stream.begin("devices/u/servo", listener), iotkit::RtdbStatus::Ok);
  EXPECT_TRUE(wire.urls.empty());
  stream.poll();
  ASSERT_EQ(wire.urls.size(), 1u);
  EXPECT_EQ(wire.urls[0], "http://h:9000/devices/u/servo.json?ns=ns1&auth=t1");
}

TEST_F(RtdbStreamTest, DeliversPutAndPatchAndIgnoresKeepAlive) {
  stream.begin("s", listener);
  stream.poll();
  wire.accept();
  wire.pending =
      "event: put\ndata: {\"path\":\"/\",\"data\":{\"angle\":90}}\n\n"
      "event: keep-alive\ndata: null\n\n"
      "event: patch\ndata: {\"path\":\"/\",\"data\":{\"angle\":45}}\n\n";
  EXPECT_EQ(stream.poll(), 2u);
  EXPECT_EQ(listener.changes, (std::vector<std::string>{"put / {\"angle\":90}", "patch / {\"angle\":45}"}));
  EXPECT_EQ(listener.notices, std::vector<std::string>{"connected 200"});
  EXPECT_TRUE(stream.connected());
}

TEST_F(RtdbStreamTest, EventsSplitIntoTinyChunksStillArrive) {
  stream.begin("s", listener);
  stream.poll();
  wire.accept();
  wire.maxChunk = 3;
  wire.pending = "event: put\r\ndata: {\"path\":\"/angle\",\"data\":7}\r\n\r\n";
  for (int i = 0; i < 30; ++i) stream.poll();
  EXPECT_EQ(listener.changes, std::vector<std::string>{"put /angle 7"});
}

TEST_F(RtdbStreamTest, ReconnectsWithBackoffAfterTheServerCloses) {
  stream.begin("s", listener);
  stream.poll();
  wire.accept();
  stream.poll();
  wire.streamState = iotkit::StreamState::Closed;
  stream.poll();
  EXPECT_FALSE(stream.connected());
  EXPECT_EQ(listener.notices.back(), "disconnected 200");
  clock.now = 999;
  stream.poll();
  EXPECT_EQ(wire.urls.size(), 1u) << "waits the 1 s back-off";
  clock.now = 1000;
  stream.poll();
  EXPECT_EQ(wire.urls.size(), 2u);
}

TEST_F(RtdbStreamTest, BackoffDoublesWhileConnectsFail) {
  wire.failOpen = true;
  stream.begin("s", listener);
  stream.poll();  // attempt 1 at 0 -> next at 1000
  clock.now = 1000;
  stream.poll();  // attempt 2 -> next at 3000
  clock.now = 2999;
  stream.poll();
  EXPECT_EQ(wire.urls.size(), 2u);
  clock.now = 3000;
  stream.poll();
  EXPECT_EQ(wire.urls.size(), 3u);
}

TEST_F(RtdbStreamTest, HttpErrorStatusSchedulesRetry) {
  stream.begin("s", listener);
  stream.poll();
  wire.accept(401);
  stream.poll();
  EXPECT_FALSE(stream.connected());
  EXPECT_EQ(listener.notices.back(), "disconnected 401");
}

TEST_F(RtdbStreamTest, CancelStopsTheStream) {
  stream.begin("s", listener);
  stream.poll();
  wire.accept();
  wire.pending = "event: cancel\ndata: null\n\n";
  stream.poll();
  EXPECT_FALSE(stream.active());
  EXPECT_EQ(listener.notices.back(), "cancelled 200");
  clock.now = 100000;
  stream.poll();
  EXPECT_EQ(wire.urls.size(), 1u) << "no reconnect after cancel";
}

TEST_F(RtdbStreamTest, AuthRevokedReconnectsAtOnceWithTheNewToken) {
  stream.begin("s", listener);
  stream.poll();
  wire.accept();
  wire.pending = "event: auth_revoked\ndata: \"credential is no longer valid\"\n\n";
  token.token = "t2";
  stream.poll();
  EXPECT_EQ(listener.notices.back(), "auth-revoked 200");
  stream.poll();
  ASSERT_EQ(wire.urls.size(), 2u);
  EXPECT_EQ(wire.urls[1], "http://h:9000/s.json?ns=ns1&auth=t2");
}

TEST_F(RtdbStreamTest, SilentConnectionIsRecycledAfterIdleTimeout) {
  stream.idleTimeoutMs = 5000;
  stream.begin("s", listener);
  stream.poll();
  wire.accept();
  stream.poll();
  clock.now = 4999;
  stream.poll();
  EXPECT_TRUE(stream.connected());
  clock.now = 5000;
  stream.poll();
  EXPECT_FALSE(stream.connected());
}

TEST_F(RtdbStreamTest, MalformedEventDataIsReportedNotDelivered) {
  stream.begin("s", listener);
  stream.poll();
  wire.accept();
  wire.pending = "event: put\ndata: {oops\n\n";
  stream.poll();
  EXPECT_TRUE(listener.changes.empty());
  EXPECT_EQ(listener.notices.back(), "bad-event 200");
}

TEST_F(RtdbStreamTest, InvalidPathIsRefused) {
  EXPECT_EQ(stream.begin("a.b", listener), iotkit::RtdbStatus::InvalidPath);
  stream.poll();
  EXPECT_TRUE(wire.urls.empty());
}
