#include <gtest/gtest.h>

#include "../fakes/fakes.h"
#include "iotkit/rtdb/rtdb_client.h"

using iotkit::HttpMethod;
using iotkit::RtdbStatus;

namespace {

class RtdbClientTest : public ::testing::Test {
 protected:
  void SetUp() override { client.configure("http://127.0.0.1:9000/", "student-1"); }
  fakes::RecordingTransport http;
  iotkit::StaticToken token{"tok.en"};
  iotkit::RtdbClient client{http, &token};
  iotkit::RtdbResult result;
};

}  // namespace

TEST_F(RtdbClientTest, GetBuildsUrlWithNamespaceAndAuth) {
  http.reply(200, "{\"ir\":1}");
  ASSERT_EQ(client.get("/devices/u1/latest/", result), RtdbStatus::Ok);
  ASSERT_EQ(http.requests.size(), 1u);
  EXPECT_EQ(http.requests[0].method, HttpMethod::Get);
  EXPECT_EQ(http.requests[0].url, "http://127.0.0.1:9000/devices/u1/latest.json?ns=student-1&auth=tok.en");
  EXPECT_EQ(result.body, "{\"ir\":1}");
  EXPECT_EQ(result.httpStatus, 200);
}

TEST_F(RtdbClientTest, RootPathAndNoNamespaceNoToken) {
  iotkit::RtdbClient bare(http, nullptr);
  bare.configure("https://db.firebaseio.com", "");
  http.reply(200, "null");
  ASSERT_EQ(bare.get("", result), RtdbStatus::Ok);
  EXPECT_EQ(http.requests[0].url, "https://db.firebaseio.com/.json");
}

TEST_F(RtdbClientTest, PathSegmentsArePercentEncodedAndSlashesCollapsed) {
  http.reply(200, "null");
  client.get("a b//c%d", result);
  EXPECT_EQ(http.requests[0].url, "http://127.0.0.1:9000/a%20b/c%25d.json?ns=student-1&auth=tok.en");
}

TEST_F(RtdbClientTest, InvalidKeysNeverReachTheNetwork) {
  for (const char* path : {"a.b", "a$b", "a#b", "a[b", "a]b", "a\x01"}) {
    EXPECT_EQ(client.get(path, result), RtdbStatus::InvalidPath) << path;
    EXPECT_FALSE(result.error.empty());
  }
  EXPECT_TRUE(http.requests.empty());
}

TEST_F(RtdbClientTest, InvalidJsonBodyIsRefusedBeforeSending) {
  EXPECT_EQ(client.put("x", "{not json", result), RtdbStatus::InvalidArgument);
  EXPECT_EQ(client.put("x", nullptr, result), RtdbStatus::InvalidArgument);
  EXPECT_TRUE(http.requests.empty());
}

TEST_F(RtdbClientTest, PutSendsBodyAndJsonContentType) {
  http.reply(200, "{\"ir\":5}");
  ASSERT_EQ(client.put("d/latest", "{\"ir\":5}", result), RtdbStatus::Ok);
  EXPECT_EQ(http.requests[0].method, HttpMethod::Put);
  EXPECT_EQ(http.requests[0].body, "{\"ir\":5}");
  EXPECT_STREQ(http.requests[0].contentType, "application/json");
  EXPECT_FALSE(http.requests[0].wantEtag);
  EXPECT_TRUE(http.requests[0].ifMatch.empty());
}

TEST_F(RtdbClientTest, PostReturnsThePushName) {
  http.reply(200, "{\"name\":\"-Nabc\"}");
  ASSERT_EQ(client.post("d/readings", "{\"ir\":1}", result), RtdbStatus::Ok);
  EXPECT_EQ(http.requests[0].method, HttpMethod::Post);
  EXPECT_EQ(result.name, "-Nabc");
}

TEST_F(RtdbClientTest, PostWithoutNameIsBadResponse) {
  http.reply(200, "{}");
  EXPECT_EQ(client.post("d/readings", "1", result), RtdbStatus::BadResponse);
}

TEST_F(RtdbClientTest, PatchAndDeleteMethods) {
  http.reply(200, "{}");
  http.reply(200, "null");
  client.patch("d", "{\"a\":1}", result);
  client.remove("d", result);
  EXPECT_EQ(http.requests[0].method, HttpMethod::Patch);
  EXPECT_EQ(http.requests[1].method, HttpMethod::Delete);
  EXPECT_TRUE(http.requests[1].body.empty());
}

TEST_F(RtdbClientTest, StatusCodesMapToTypedErrorsWithServerMessage) {
  struct Row {
    int32_t status;
    RtdbStatus expected;
  };
  const Row rows[] = {{400, RtdbStatus::BadRequest},         {401, RtdbStatus::PermissionDenied},
                      {403, RtdbStatus::PermissionDenied},   {404, RtdbStatus::NotFound},
                      {412, RtdbStatus::PreconditionFailed}, {500, RtdbStatus::ServerError},
                      {503, RtdbStatus::ServerError},        {302, RtdbStatus::UnexpectedStatus}};
  for (const Row& row : rows) {
    http.reply(row.status, "{\"error\":\"Permission denied\"}");
    EXPECT_EQ(client.get("x", result), row.expected) << row.status;
    EXPECT_EQ(result.error, "Permission denied");
    EXPECT_EQ(result.httpStatus, row.status);
  }
}

TEST_F(RtdbClientTest, NonJsonErrorBodyStillGivesAMessage) {
  http.reply(502, "<html>bad gateway</html>");
  EXPECT_EQ(client.get("x", result), RtdbStatus::ServerError);
  EXPECT_EQ(result.error, "HTTP 502");
}

TEST_F(RtdbClientTest, TransportFailureIsReported) {
  http.fail(iotkit::TransportError::ConnectFailed);
  EXPECT_EQ(client.get("x", result), RtdbStatus::TransportFailed);
  EXPECT_EQ(result.transport, iotkit::TransportError::ConnectFailed);
  EXPECT_EQ(result.error, "connect-failed");
}

TEST_F(RtdbClientTest, GetWithEtagAsksForIt) {
  http.reply(200, "1", "abc=");
  ASSERT_EQ(client.getWithEtag("n", result), RtdbStatus::Ok);
  EXPECT_TRUE(http.requests[0].wantEtag);
  EXPECT_EQ(result.etag, "abc=");
}

TEST_F(RtdbClientTest, PutIfMatchSendsIfMatchAndReportsConflict) {
  http.reply(412, "{\"n\":2}", "new=");
  EXPECT_EQ(client.putIfMatch("n", "{\"n\":3}", "old=", result), RtdbStatus::PreconditionFailed);
  EXPECT_EQ(http.requests[0].ifMatch, "old=");
  EXPECT_TRUE(http.requests[0].wantEtag);
  EXPECT_EQ(result.etag, "new=");
  EXPECT_EQ(result.body, "{\"n\":2}");
  EXPECT_EQ(client.putIfMatch("n", "1", "", result), RtdbStatus::InvalidArgument);
  EXPECT_EQ(http.requests.size(), 1u);
}

TEST_F(RtdbClientTest, QueryParamsFollowAuth) {
  iotkit::RtdbQuery query;
  query.orderByChild("ts").limitToLast(5);
  http.reply(200, "{}");
  client.get("r", result, &query);
  EXPECT_EQ(http.requests[0].url,
            "http://127.0.0.1:9000/r.json?ns=student-1&auth=tok.en&orderBy=%22ts%22&limitToLast=5");
}

TEST_F(RtdbClientTest, FilterWithoutOrderByIsRefused) {
  iotkit::RtdbQuery query;
  query.limitToFirst(2);
  EXPECT_EQ(client.get("r", result, &query), RtdbStatus::InvalidArgument);
  EXPECT_TRUE(http.requests.empty());
}

TEST_F(RtdbClientTest, ReusedResultIsClearedBetweenCalls) {
  http.reply(200, "{\"name\":\"k\"}");
  http.reply(404, "{\"error\":\"nope\"}");
  client.post("a", "1", result);
  client.get("b", result);
  EXPECT_TRUE(result.name.empty());
  EXPECT_EQ(result.error, "nope");
}

TEST(RtdbQuery, PrefixRangeEncodesUf8ff) {
  iotkit::RtdbQuery query;
  query.orderByChild("name").startsWith("b");
  EXPECT_EQ(query.params(), "&orderBy=%22name%22&startAt=%22b%22&endAt=%22b%EF%A3%BF%22");
}

TEST(RtdbQuery, StringValuesAreJsonQuotedAndEscaped) {
  iotkit::RtdbQuery query;
  query.orderByKey().equalTo("a\"b c&");
  EXPECT_EQ(query.params(), "&orderBy=%22%24key%22&equalTo=%22a%5C%22b%20c%26%22");
}

TEST(RtdbQuery, NumbersAreBareAndIntegersHaveNoDecimals) {
  iotkit::RtdbQuery query;
  query.orderByValue().startAt(100).endAt(2.5).limitToFirst(3);
  EXPECT_EQ(query.params(), "&orderBy=%22%24value%22&startAt=100&endAt=2.5&limitToFirst=3");
  iotkit::RtdbQuery negative;
  negative.orderByChild("t").startAt(-1700000000000.0);
  EXPECT_EQ(negative.params(), "&orderBy=%22t%22&startAt=-1700000000000");
}

TEST(RtdbQuery, ShallowAndSilent) {
  iotkit::RtdbQuery query;
  query.shallow().silent();
  EXPECT_EQ(query.params(), "&shallow=true&print=silent");
  EXPECT_FALSE(query.needsOrderBy());
}
