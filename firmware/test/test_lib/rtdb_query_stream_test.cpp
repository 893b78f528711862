// RtdbStream listening to a query: the URL carries the query's parameters (encoded by RtdbQuery,
// after ns and auth), they survive reconnects and token changes, and streams the server would
// refuse are turned down before any connection is made.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../fakes/fakes.h"
#include "iotkit/rtdb/rtdb_stream.h"

namespace {

struct Recorder : iotkit::RtdbStreamListener {
  void onChange(iotkit::StreamEventKind kind, const char* path, const cJSON* data) override {
    char* text = cJSON_PrintUnformatted(data);
    changes.push_back(std::string(kind == iotkit::StreamEventKind::Put ? "put " : "patch ") + path + " " + text);
    cJSON_free(text);
  }
  std::vector<std::string> changes;
};

struct SwappableToken : iotkit::TokenSource {
  const char* idToken() override { return token.c_str(); }
  std::string token = "t1";
};

class RtdbQueryStreamTest : public ::testing::Test {
 protected:
  void SetUp() override { client.configure("http://h:9000", "ns1"); }
  fakes::RecordingTransport http;
  SwappableToken token;
  iotkit::RtdbClient client{http, &token};
  fakes::FakeStream wire;
  fakes::FakeClock clock;
  iotkit::RtdbStream stream{wire, client, clock};
  Recorder listener;
};

constexpr const char* kPrefixParams = "orderBy=%22zone%22&startAt=%22lab%22&endAt=%22lab%EF%A3%BF%22";

}  // namespace

TEST_F(RtdbQueryStreamTest, BeginWithQueryPutsTheEncodedParametersAfterAuth) {
  iotkit::RtdbQuery query;
  query.orderByChild("zone").startsWith("lab");
  ASSERT_EQ(stream.begin("devices/u/readings", query, listener), iotkit::RtdbStatus::Ok);
  stream.poll();
  ASSERT_EQ(wire.urls.size(), 1u);
  EXPECT_EQ(wire.urls[0], std::string("http://h:9000/devices/u/readings.json?ns=ns1&auth=t1&") + kPrefixParams);
}

TEST_F(RtdbQueryStreamTest, TheQueryIsCopiedSoTheCallerMayDropIt) {
  {
    iotkit::RtdbQuery query;
    query.orderByValue().startAt("a b").limitToLast(3);
    ASSERT_EQ(stream.begin("labels", query, listener), iotkit::RtdbStatus::Ok);
  }
  stream.poll();
  ASSERT_EQ(wire.urls.size(), 1u);
  EXPECT_EQ(wire.urls[0], "http://h:9000/labels.json?ns=ns1&auth=t1&orderBy=%22%24value%22&startAt=%22a%20b%22&limitToLast=3");
}

TEST_F(RtdbQueryStreamTest, ReconnectsSendTheSameQueryWithTheCurrentToken) {
  iotkit::RtdbQuery query;
  query.orderByChild("zone").startsWith("lab");
  stream.begin("r", query, listener);
  stream.poll();
  wire.accept();
  stream.poll();
  wire.streamState = iotkit::StreamState::Closed;
  token.token = "t2";
  stream.poll();
  clock.now = 1000;
  stream.poll();
  ASSERT_EQ(wire.urls.size(), 2u);
  EXPECT_EQ(wire.urls[1], std::string("http://h:9000/r.json?ns=ns1&auth=t2&") + kPrefixParams);
}

TEST_F(RtdbQueryStreamTest, DeliversOnlyWhatTheServerSendsWithPathsRelativeToTheNode) {
  iotkit::RtdbQuery query;
  query.orderByChild("zone").startsWith("lab");
  stream.begin("r", query, listener);
  stream.poll();
  wire.accept();
  wire.pending =
      "event: put\ndata: {\"path\":\"/\",\"data\":{\"-a\":{\"zone\":\"lab-1\"}}}\n\n"
      "event: put\ndata: {\"path\":\"/-b\",\"data\":{\"zone\":\"lab-0\"}}\n\n"
      "event: put\ndata: {\"path\":\"/-a\",\"data\":null}\n\n";
  EXPECT_EQ(stream.poll(), 3u);
  EXPECT_EQ(listener.changes, (std::vector<std::string>{"put / {\"-a\":{\"zone\":\"lab-1\"}}",
                                                        "put /-b {\"zone\":\"lab-0\"}", "put /-a null"}));
}

TEST_F(RtdbQueryStreamTest, APlainBeginAfterAQueryListensToTheWholeNode) {
  iotkit::RtdbQuery query;
  query.orderByKey().limitToFirst(2);
  stream.begin("r", query, listener);
  stream.poll();
  ASSERT_EQ(stream.begin("r", listener), iotkit::RtdbStatus::Ok);
  stream.poll();
  ASSERT_EQ(wire.urls.size(), 2u);
  EXPECT_EQ(wire.urls[0], "http://h:9000/r.json?ns=ns1&auth=t1&orderBy=%22%24key%22&limitToFirst=2");
  EXPECT_EQ(wire.urls[1], "http://h:9000/r.json?ns=ns1&auth=t1");
}

TEST_F(RtdbQueryStreamTest, RefusesAFilterWithoutOrderByAndKeepsTheRunningStream) {
  iotkit::RtdbQuery good;
  good.orderByChild("zone").startsWith("lab");
  stream.begin("r", good, listener);
  stream.poll();
  wire.accept();
  stream.poll();
  iotkit::RtdbQuery noOrder;
  noOrder.startAt("lab");
  EXPECT_EQ(stream.begin("r", noOrder, listener), iotkit::RtdbStatus::InvalidArgument);
  EXPECT_TRUE(stream.connected()) << "a refused begin leaves the running stream alone";
  EXPECT_EQ(wire.closes, 0);
  EXPECT_EQ(wire.urls.size(), 1u);
}

TEST_F(RtdbQueryStreamTest, RefusesRestOnlyOptions) {
  iotkit::RtdbQuery shallow;
  shallow.shallow();
  EXPECT_EQ(stream.begin("r", shallow, listener), iotkit::RtdbStatus::InvalidArgument);
  iotkit::RtdbQuery silent;
  silent.orderByKey().silent();
  EXPECT_EQ(stream.begin("r", silent, listener), iotkit::RtdbStatus::InvalidArgument);
  stream.poll();
  EXPECT_TRUE(wire.urls.empty());
  EXPECT_FALSE(stream.active());
}

TEST_F(RtdbQueryStreamTest, AValueThatLooksLikeAnOptionIsNotMistakenForOne) {
  iotkit::RtdbQuery query;
  query.orderByChild("label").equalTo("&print=silent");
  ASSERT_EQ(stream.begin("r", query, listener), iotkit::RtdbStatus::Ok);
  stream.poll();
  ASSERT_EQ(wire.urls.size(), 1u);
  EXPECT_EQ(wire.urls[0], "http://h:9000/r.json?ns=ns1&auth=t1&orderBy=%22label%22&equalTo=%22%26print%3Dsilent%22");
}

TEST_F(RtdbQueryStreamTest, AnInvalidPathIsRefusedWithAQueryToo) {
  iotkit::RtdbQuery query;
  query.orderByKey();
  EXPECT_EQ(stream.begin("a/b.c", query, listener), iotkit::RtdbStatus::InvalidPath);
  EXPECT_FALSE(stream.active());
}
