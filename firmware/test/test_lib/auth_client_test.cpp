#include <gtest/gtest.h>

#include "../fakes/fakes.h"
#include "iotkit/auth/auth_client.h"

using iotkit::AuthStatus;

namespace {

// An unsigned emulator-style JWT whose payload is {"user_id":"uid-7","sub":"uid-7"}.
const char* kIdToken = "eyJhbGciOiJub25lIn0.eyJ1c2VyX2lkIjoidWlkLTciLCJzdWIiOiJ1aWQtNyJ9.";

class AuthClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    iotkit::AuthConfig config;
    config.authUrl = "http://127.0.0.1:9099/";
    config.apiKey = "demo-key";
    auth.configure(config);
  }
  void replySignIn(const char* expiresIn = "3600") {
    http.reply(200, std::string("{\"idToken\":\"id1\",\"refreshToken\":\"r1\",\"expiresIn\":\"") + expiresIn +
                        "\",\"localId\":\"uid-1\"}");
  }
  void replyRefresh(const char* id = "id2") {
    http.reply(200, std::string("{\"id_token\":\"") + id +
                        "\",\"refresh_token\":\"r2\",\"expires_in\":\"3600\",\"user_id\":\"uid-1\"}");
  }
  fakes::RecordingTransport http;
  fakes::FakeClock clock;
  fakes::MapStore store;
  iotkit::AuthClient auth{http, clock, &store};
};

}  // namespace

TEST_F(AuthClientTest, EmulatorUrlsPutTheGoogleHostInThePath) {
  std::string url;
  auth.endpointUrl(false, "accounts:signInWithPassword", url);
  EXPECT_EQ(url, "http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-key");
  auth.endpointUrl(true, "token", url);
  EXPECT_EQ(url, "http://127.0.0.1:9099/securetoken.googleapis.com/v1/token?key=demo-key");
}

TEST_F(AuthClientTest, GoogleUrlsForRealFirebase) {
  iotkit::AuthConfig config;
  config.authUrl = "https://identitytoolkit.googleapis.com";
  config.apiKey = "AIza x";
  auth.configure(config);
  std::string url;
  auth.endpointUrl(true, "token", url);
  EXPECT_EQ(url, "https://securetoken.googleapis.com/v1/token?key=AIza%20x");
  config.authUrl = "";
  auth.configure(config);
  auth.endpointUrl(false, "accounts:signInWithCustomToken", url);
  EXPECT_EQ(url, "https://identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=AIza%20x");
}

TEST_F(AuthClientTest, PasswordSignInSendsJsonAndStoresTokens) {
  replySignIn();
  ASSERT_EQ(auth.signInWithPassword("a@b.c", "p\"w"), AuthStatus::Ok);
  ASSERT_EQ(http.requests.size(), 1u);
  EXPECT_EQ(http.requests[0].method, iotkit::HttpMethod::Post);
  EXPECT_EQ(http.requests[0].body, "{\"email\":\"a@b.c\",\"password\":\"p\\\"w\",\"returnSecureToken\":true}");
  EXPECT_STREQ(auth.idToken(), "id1");
  EXPECT_EQ(auth.uid(), "uid-1");
  EXPECT_EQ(auth.refreshToken(), "r1");
  EXPECT_EQ(store.values[iotkit::kRefreshTokenKey], "r1");
  EXPECT_EQ(auth.expiresInMs(), 3600000u);
}

TEST_F(AuthClientTest, CustomTokenSignIn) {
  replySignIn();
  ASSERT_EQ(auth.signInWithCustomToken("ct"), AuthStatus::Ok);
  EXPECT_NE(http.requests[0].url.find("accounts:signInWithCustomToken"), std::string::npos);
  EXPECT_EQ(http.requests[0].body, "{\"token\":\"ct\",\"returnSecureToken\":true}");
}

TEST_F(AuthClientTest, ServerErrorsMapToStatuses) {
  struct Row {
    const char* message;
    AuthStatus expected;
  };
  const Row rows[] = {
      {"INVALID_PASSWORD", AuthStatus::InvalidCredentials},
      {"EMAIL_NOT_FOUND", AuthStatus::InvalidCredentials},
      {"INVALID_LOGIN_CREDENTIALS", AuthStatus::InvalidCredentials},
      {"USER_DISABLED", AuthStatus::UserDisabled},
      {"INVALID_CUSTOM_TOKEN : bad", AuthStatus::InvalidCustomToken},
      {"TOO_MANY_ATTEMPTS_TRY_LATER : wait", AuthStatus::TooManyAttempts},
      {"API key not valid. Please pass a valid API key.", AuthStatus::InvalidApiKey},
      {"SOMETHING_NEW", AuthStatus::BadRequest},
  };
  for (const Row& row : rows) {
    http.reply(400, std::string("{\"error\":{\"code\":400,\"message\":\"") + row.message + "\"}}");
    EXPECT_EQ(auth.signInWithPassword("a@b.c", "x"), row.expected) << row.message;
    EXPECT_EQ(auth.lastError(), row.message);
    EXPECT_FALSE(auth.signedIn());
  }
}

TEST_F(AuthClientTest, MissingInputsFailWithoutARequest) {
  EXPECT_EQ(auth.signInWithPassword("", "x"), AuthStatus::MissingConfig);
  EXPECT_EQ(auth.signInWithCustomToken(""), AuthStatus::MissingConfig);
  iotkit::AuthConfig noKey;
  auth.configure(noKey);
  EXPECT_EQ(auth.signInWithPassword("a@b.c", "x"), AuthStatus::MissingConfig);
  EXPECT_TRUE(http.requests.empty());
}

TEST_F(AuthClientTest, TransportFailureAndGarbageResponse) {
  http.fail(iotkit::TransportError::Timeout);
  EXPECT_EQ(auth.signInWithPassword("a@b.c", "x"), AuthStatus::TransportFailed);
  EXPECT_EQ(auth.lastError(), "timeout");
  http.reply(200, "{\"nothing\":1}");
  EXPECT_EQ(auth.signInWithPassword("a@b.c", "x"), AuthStatus::BadResponse);
  http.reply(503, "down");
  EXPECT_EQ(auth.signInWithPassword("a@b.c", "x"), AuthStatus::ServerError);
}

TEST_F(AuthClientTest, RefreshUsesFormBodyAndSnakeCaseResponse) {
  replySignIn();
  auth.signInWithPassword("a@b.c", "x");
  replyRefresh();
  ASSERT_EQ(auth.refresh(), AuthStatus::Ok);
  const auto& request = http.requests[1];
  EXPECT_EQ(request.url, "http://127.0.0.1:9099/securetoken.googleapis.com/v1/token?key=demo-key");
  EXPECT_EQ(request.body, "grant_type=refresh_token&refresh_token=r1");
  EXPECT_STREQ(request.contentType, "application/x-www-form-urlencoded");
  EXPECT_STREQ(auth.idToken(), "id2");
  EXPECT_EQ(auth.refreshToken(), "r2");
  EXPECT_EQ(store.values[iotkit::kRefreshTokenKey], "r2");
}

TEST_F(AuthClientTest, TickRefreshesAheadOfExpiryNotBefore) {
  replySignIn();
  auth.signInWithPassword("a@b.c", "x");
  clock.now = 3600000 - 300001;
  EXPECT_EQ(auth.tick(), AuthStatus::Ok);
  EXPECT_EQ(http.requests.size(), 1u);
  clock.now = 3600000 - 300000;
  replyRefresh();
  EXPECT_EQ(auth.tick(), AuthStatus::Ok);
  EXPECT_EQ(http.requests.size(), 2u);
  EXPECT_STREQ(auth.idToken(), "id2");
  EXPECT_EQ(auth.expiresInMs(), 3600000u) << "lifetime restarts at the refresh";
}

TEST_F(AuthClientTest, ShortLivedTokenRefreshesAtHalfLife) {
  replySignIn("60");
  auth.signInWithPassword("a@b.c", "x");
  clock.now = 29999;
  auth.tick();
  EXPECT_EQ(http.requests.size(), 1u);
  clock.now = 30000;
  replyRefresh();
  auth.tick();
  EXPECT_EQ(http.requests.size(), 2u);
}

TEST_F(AuthClientTest, FailedRefreshBacksOffAndTokenExpires) {
  replySignIn();
  auth.signInWithPassword("a@b.c", "x");
  clock.now = 3500000;
  http.fail(iotkit::TransportError::ConnectFailed);
  EXPECT_EQ(auth.tick(), AuthStatus::TransportFailed);
  clock.now = 3500999;
  EXPECT_EQ(auth.tick(), AuthStatus::Waiting);
  EXPECT_EQ(http.requests.size(), 2u);
  clock.now = 3501000;
  http.fail(iotkit::TransportError::ConnectFailed);
  EXPECT_EQ(auth.tick(), AuthStatus::TransportFailed);
  clock.now = 3502999;
  EXPECT_EQ(auth.tick(), AuthStatus::Waiting) << "second wait is 2 s";
  clock.now = 3600000;
  EXPECT_TRUE(auth.expired());
  EXPECT_STREQ(auth.idToken(), "") << "an expired token is never sent";
}

TEST_F(AuthClientTest, RejectedRefreshTokenIsForgotten) {
  replySignIn();
  auth.signInWithPassword("a@b.c", "x");
  http.reply(400, "{\"error\":{\"message\":\"INVALID_REFRESH_TOKEN\"}}");
  EXPECT_EQ(auth.refresh(), AuthStatus::InvalidRefreshToken);
  EXPECT_EQ(store.values.count(iotkit::kRefreshTokenKey), 0u);
}

TEST_F(AuthClientTest, UseIdTokenReadsUidFromTheJwt) {
  ASSERT_EQ(auth.useIdToken(kIdToken, "r9", 120), AuthStatus::Ok);
  EXPECT_TRUE(http.requests.empty());
  EXPECT_EQ(auth.uid(), "uid-7");
  EXPECT_EQ(auth.expiresInMs(), 120000u);
  EXPECT_EQ(auth.useIdToken("", "", 1), AuthStatus::MissingConfig);
}

TEST_F(AuthClientTest, IdTokenWithoutRefreshTokenCannotBeRenewed) {
  auth.useIdToken(kIdToken, "", 100);
  clock.now = 99000;
  EXPECT_EQ(auth.tick(), AuthStatus::Ok);
  clock.now = 100000;
  EXPECT_EQ(auth.tick(), AuthStatus::NotSignedIn);
  EXPECT_TRUE(http.requests.empty());
}

TEST_F(AuthClientTest, RestoreRefreshesFromTheStore) {
  EXPECT_EQ(auth.restore(), AuthStatus::NotSignedIn);
  store.values[iotkit::kRefreshTokenKey] = "saved";
  replyRefresh("id3");
  ASSERT_EQ(auth.restore(), AuthStatus::Ok);
  EXPECT_EQ(http.requests[0].body, "grant_type=refresh_token&refresh_token=saved");
  EXPECT_STREQ(auth.idToken(), "id3");
}

TEST_F(AuthClientTest, SignOutForgetsEverything) {
  replySignIn();
  auth.signInWithPassword("a@b.c", "x");
  auth.signOut();
  EXPECT_FALSE(auth.signedIn());
  EXPECT_STREQ(auth.idToken(), "");
  EXPECT_TRUE(store.values.empty());
}

TEST(UidFromIdToken, RejectsMalformedTokens) {
  std::string uid;
  EXPECT_FALSE(iotkit::uidFromIdToken("nodots", uid));
  EXPECT_FALSE(iotkit::uidFromIdToken("a.!!!.c", uid));
  EXPECT_FALSE(iotkit::uidFromIdToken("a.e30.c", uid)) << "{} has no uid claim";
  EXPECT_TRUE(iotkit::uidFromIdToken(kIdToken, uid));
  EXPECT_EQ(uid, "uid-7");
}
