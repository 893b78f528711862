// The host build's Auth + RTDB clients against a real local backend (the official Auth emulator
// and the kit's RTDB server). The URLs and the test account arrive by environment; the vitest
// suite in packages/devices starts the backend, creates the account, and runs this binary.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "iotkit/auth/auth_client.h"
#include "iotkit/host/curl_stream.h"
#include "iotkit/host/curl_transport.h"
#include "iotkit/host/host_clock.h"
#include "iotkit/json/json_doc.h"
#include "iotkit/rtdb/rtdb_client.h"
#include "iotkit/rtdb/rtdb_stream.h"
#include "fakes/fakes.h"

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

class Backend : public ::testing::Test {
 protected:
  void SetUp() override {
    rtdbUrl = env("IOTKIT_RTDB_URL");
    authUrl = env("IOTKIT_AUTH_URL");
    ns = env("IOTKIT_NS");
    email = env("IOTKIT_EMAIL");
    password = env("IOTKIT_PASSWORD");
    ASSERT_FALSE(rtdbUrl.empty() || authUrl.empty() || email.empty() || password.empty())
        << "set IOTKIT_RTDB_URL, IOTKIT_AUTH_URL, IOTKIT_NS, IOTKIT_EMAIL, IOTKIT_PASSWORD "
           "(packages/devices' integration test does this after starting the backend)";
    iotkit::AuthConfig config;
    config.authUrl = authUrl;
    config.apiKey = "demo-key";
    auth.configure(config);
    rtdb.configure(rtdbUrl.c_str(), ns.c_str());
  }

  void signIn() {
    ASSERT_EQ(auth.signInWithPassword(email.c_str(), password.c_str()), iotkit::AuthStatus::Ok) << auth.lastError();
    base = "devices/" + auth.uid();
  }

  std::string rtdbUrl, authUrl, ns, email, password, base;
  iotkit::host::HostClock clock;
  iotkit::host::CurlTransport http;
  fakes::MapStore store;
  iotkit::AuthClient auth{http, clock, &store};
  iotkit::RtdbClient rtdb{http, &auth};
  iotkit::RtdbResult result;
};

}  // namespace

TEST_F(Backend, AuthSignInWithPasswordReturnsUidAndTokens) {
  signIn();
  EXPECT_FALSE(auth.uid().empty());
  EXPECT_GT(std::string(auth.idToken()).size(), 20u);
  EXPECT_FALSE(auth.refreshToken().empty());
  EXPECT_EQ(store.values[iotkit::kRefreshTokenKey], auth.refreshToken());
  EXPECT_GT(auth.expiresInMs(), 3000000u);
}

TEST_F(Backend, AuthWrongPasswordIsInvalidCredentials) {
  EXPECT_EQ(auth.signInWithPassword(email.c_str(), "definitely-wrong"), iotkit::AuthStatus::InvalidCredentials);
  EXPECT_FALSE(auth.signedIn());
  EXPECT_FALSE(auth.lastError().empty());
}

TEST_F(Backend, AuthRefreshKeepsTheUid) {
  signIn();
  const std::string uid = auth.uid();
  ASSERT_EQ(auth.refresh(), iotkit::AuthStatus::Ok) << auth.lastError();
  EXPECT_EQ(auth.uid(), uid);
  EXPECT_TRUE(auth.signedIn());
}

TEST_F(Backend, AuthRestoreSignsInFromTheSavedRefreshToken) {
  signIn();
  const std::string uid = auth.uid();
  iotkit::AuthClient second(http, clock, &store);
  iotkit::AuthConfig config;
  config.authUrl = authUrl;
  config.apiKey = "demo-key";
  second.configure(config);
  ASSERT_EQ(second.restore(), iotkit::AuthStatus::Ok) << second.lastError();
  EXPECT_EQ(second.uid(), uid);
}

TEST_F(Backend, RtdbPutGetResolvesServerTimestamp) {
  signIn();
  const std::string path = base + "/latest";
  ASSERT_EQ(rtdb.put(path.c_str(), "{\"ir\":1234,\"ts\":{\".sv\":\"timestamp\"}}", result), iotkit::RtdbStatus::Ok)
      << result.error;
  ASSERT_EQ(rtdb.get(path.c_str(), result), iotkit::RtdbStatus::Ok) << result.error;
  iotkit::JsonDoc doc;
  ASSERT_TRUE(doc.parse(result.body)) << result.body;
  int32_t ir = 0;
  double ts = 0;
  EXPECT_TRUE(iotkit::jsonInt(doc.root(), "ir", ir));
  EXPECT_EQ(ir, 1234);
  EXPECT_TRUE(iotkit::jsonNumber(doc.root(), "ts", ts)) << result.body;
  EXPECT_GT(ts, 1.6e12);
}

TEST_F(Backend, RtdbPostPatchDelete) {
  signIn();
  const std::string readings = base + "/readings";
  ASSERT_EQ(rtdb.post(readings.c_str(), "{\"ir\":10,\"ts\":{\".sv\":\"timestamp\"}}", result), iotkit::RtdbStatus::Ok)
      << result.error;
  const std::string key = result.name;
  EXPECT_EQ(key.size(), 20u) << key;
  const std::string one = readings + "/" + key;
  ASSERT_EQ(rtdb.patch(one.c_str(), "{\"ir\":11}", result), iotkit::RtdbStatus::Ok) << result.error;
  ASSERT_EQ(rtdb.get((one + "/ir").c_str(), result), iotkit::RtdbStatus::Ok);
  EXPECT_EQ(result.body, "11");
  ASSERT_EQ(rtdb.remove(one.c_str(), result), iotkit::RtdbStatus::Ok) << result.error;
  ASSERT_EQ(rtdb.get(one.c_str(), result), iotkit::RtdbStatus::Ok);
  EXPECT_EQ(result.body, "null");
}

TEST_F(Backend, RtdbRulesDenyAnotherUsersSubtree) {
  signIn();
  EXPECT_EQ(rtdb.put("devices/someone-else/latest", "{\"ir\":1,\"ts\":{\".sv\":\"timestamp\"}}", result),
            iotkit::RtdbStatus::PermissionDenied);
  EXPECT_FALSE(result.error.empty());
}

TEST_F(Backend, RtdbEtagConditionalWrite) {
  signIn();
  const std::string path = base + "/etag-test";
  ASSERT_EQ(rtdb.put(path.c_str(), "{\"n\":1}", result), iotkit::RtdbStatus::Ok) << result.error;
  ASSERT_EQ(rtdb.getWithEtag(path.c_str(), result), iotkit::RtdbStatus::Ok);
  const std::string etag = result.etag;
  ASSERT_FALSE(etag.empty());
  ASSERT_EQ(rtdb.putIfMatch(path.c_str(), "{\"n\":2}", etag.c_str(), result), iotkit::RtdbStatus::Ok) << result.error;
  // The old ETag is stale now: the server refuses and returns the current value + ETag.
  EXPECT_EQ(rtdb.putIfMatch(path.c_str(), "{\"n\":3}", etag.c_str(), result), iotkit::RtdbStatus::PreconditionFailed);
  EXPECT_NE(result.etag, etag);
  EXPECT_NE(result.body.find("2"), std::string::npos) << result.body;
}

TEST_F(Backend, RtdbPrefixQueryWithEncodedUf8ff) {
  signIn();
  const std::string path = base + "/names";
  ASSERT_EQ(rtdb.put(path.c_str(), "{\"a\":{\"name\":\"bob\"},\"b\":{\"name\":\"bella\"},\"c\":{\"name\":\"carl\"},"
                                   "\"d\":{\"name\":\"b\xC3\xA9" "a\"}}", result),
            iotkit::RtdbStatus::Ok)
      << result.error;
  iotkit::RtdbQuery query;
  query.orderByChild("name").startsWith("b");
  ASSERT_EQ(rtdb.get(path.c_str(), result, &query), iotkit::RtdbStatus::Ok) << result.error;
  iotkit::JsonDoc doc;
  ASSERT_TRUE(doc.parse(result.body)) << result.body;
  EXPECT_NE(cJSON_GetObjectItem(doc.root(), "a"), nullptr) << result.body;
  EXPECT_NE(cJSON_GetObjectItem(doc.root(), "b"), nullptr) << result.body;
  EXPECT_NE(cJSON_GetObjectItem(doc.root(), "d"), nullptr) << "non-ASCII after the prefix: " << result.body;
  EXPECT_EQ(cJSON_GetObjectItem(doc.root(), "c"), nullptr) << result.body;
}

namespace {
struct Collect : iotkit::RtdbStreamListener {
  void onChange(iotkit::StreamEventKind, const char* path, const cJSON* data) override {
    char* text = cJSON_PrintUnformatted(data);
    changes.push_back(std::string(path) + " " + (text != nullptr ? text : "?"));
    cJSON_free(text);
  }
  void onNotice(iotkit::StreamNotice notice, int32_t) override { notices.push_back(notice); }
  std::vector<std::string> changes;
  std::vector<iotkit::StreamNotice> notices;
};
}  // namespace

TEST_F(Backend, RtdbStreamDeliversInitialAndLaterPuts) {
  signIn();
  const std::string path = base + "/stream-test";
  ASSERT_EQ(rtdb.put(path.c_str(), "{\"v\":1}", result), iotkit::RtdbStatus::Ok) << result.error;
  iotkit::host::CurlStream curlStream;
  iotkit::RtdbStream stream(curlStream, rtdb, clock);
  Collect collect;
  ASSERT_EQ(stream.begin(path.c_str(), collect), iotkit::RtdbStatus::Ok);
  auto pumpUntil = [&](size_t count) {
    const uint32_t start = clock.millis();
    while (collect.changes.size() < count && clock.millis() - start < 5000) stream.poll();
  };
  pumpUntil(1);
  ASSERT_GE(collect.changes.size(), 1u);
  EXPECT_EQ(collect.changes[0], "/ {\"v\":1}");
  ASSERT_EQ(rtdb.put((path + "/v").c_str(), "2", result), iotkit::RtdbStatus::Ok);
  pumpUntil(2);
  ASSERT_GE(collect.changes.size(), 2u);
  EXPECT_EQ(collect.changes[1], "/v 2");
  EXPECT_TRUE(stream.connected());
  stream.stop();
}

TEST_F(Backend, CurlTransportReusesOneConnection) {
  signIn();
  const long before = http.connectionsOpened();
  for (int i = 0; i < 5; ++i) ASSERT_EQ(rtdb.get((base + "/latest").c_str(), result), iotkit::RtdbStatus::Ok);
  EXPECT_LE(http.connectionsOpened() - before, 1);
}

TEST_F(Backend, AuthCustomTokenSignIn) {
  const std::string token = env("IOTKIT_CUSTOM_TOKEN");
  ASSERT_FALSE(token.empty()) << "set IOTKIT_CUSTOM_TOKEN (an unsigned custom token the Auth emulator accepts)";
  ASSERT_EQ(auth.signInWithCustomToken(token.c_str()), iotkit::AuthStatus::Ok) << auth.lastError();
  EXPECT_EQ(auth.uid(), env("IOTKIT_CUSTOM_UID"));
  EXPECT_EQ(auth.signInWithCustomToken("not-a-jwt"), iotkit::AuthStatus::InvalidCustomToken) << auth.lastError();
}

TEST_F(Backend, AuthIdTokenFromElsewhereIsUsableAndRefreshable) {
  signIn();
  const std::string id = auth.idToken();
  const std::string refresh = auth.refreshToken();
  const std::string uid = auth.uid();
  fakes::MapStore otherStore;
  iotkit::AuthClient device(http, clock, &otherStore);
  iotkit::AuthConfig config;
  config.authUrl = authUrl;
  config.apiKey = "demo-key";
  device.configure(config);
  ASSERT_EQ(device.useIdToken(id.c_str(), refresh.c_str(), 3600), iotkit::AuthStatus::Ok);
  EXPECT_EQ(device.uid(), uid) << "uid read from the emulator's ID token";
  iotkit::RtdbClient deviceRtdb(http, &device);
  deviceRtdb.configure(rtdbUrl.c_str(), ns.c_str());
  EXPECT_EQ(deviceRtdb.put((base + "/idtoken").c_str(), "true", result), iotkit::RtdbStatus::Ok) << result.error;
  ASSERT_EQ(device.refresh(), iotkit::AuthStatus::Ok) << device.lastError();
  EXPECT_EQ(deviceRtdb.get((base + "/idtoken").c_str(), result), iotkit::RtdbStatus::Ok) << result.error;
  EXPECT_EQ(result.body, "true");
}
