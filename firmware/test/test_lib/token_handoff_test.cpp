#include <gtest/gtest.h>

#include "iotkit/auth/token_handoff.h"

namespace {
// An emulator ID token: unsigned, so the third part is empty.
const char* kIdToken = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1aWQtNyJ9.";
constexpr int64_t kNow = 1767225600000LL;  // 2026-01-01T00:00:00Z
}  // namespace

TEST(ParseTokenHandoff, ReadsTheThreeFields) {
  iotkit::TokenHandoff h;
  std::string problem;
  ASSERT_TRUE(iotkit::parseTokenHandoff(std::string("{\"idToken\":\"") + kIdToken +
                                            "\",\"refreshToken\":\"r-1\",\"expiresAt\":1767229200000}",
                                        h, problem))
      << problem;
  EXPECT_EQ(h.idToken, kIdToken);
  EXPECT_EQ(h.refreshToken, "r-1");
  EXPECT_EQ(h.expiresAtMs, 1767229200000LL);
}

TEST(ParseTokenHandoff, NamesTheBadFieldWithoutQuotingATokenAndKeepsOutUntouched) {
  const struct {
    const char* json;
    const char* field;
  } cases[] = {
      {"not json", "JSON object"},
      {"[]", "JSON object"},
      {"{\"refreshToken\":\"secret-r\",\"expiresAt\":1}", "idToken"},
      {"{\"idToken\":\"secret-no-dots\",\"refreshToken\":\"r\",\"expiresAt\":1}", "idToken"},
      {"{\"idToken\":\"a.b.c.d\",\"refreshToken\":\"r\",\"expiresAt\":1}", "idToken"},
      {"{\"idToken\":\"a.b.\",\"refreshToken\":\"\",\"expiresAt\":1}", "refreshToken"},
      {"{\"idToken\":\"a.b.\",\"refreshToken\":7,\"expiresAt\":1}", "refreshToken"},
      {"{\"idToken\":\"a.b.\",\"refreshToken\":\"secret-r\"}", "expiresAt"},
      {"{\"idToken\":\"a.b.\",\"refreshToken\":\"secret-r\",\"expiresAt\":\"soon\"}", "expiresAt"},
      {"{\"idToken\":\"a.b.\",\"refreshToken\":\"secret-r\",\"expiresAt\":1.5}", "expiresAt"},
      {"{\"idToken\":\"a.b.\",\"refreshToken\":\"secret-r\",\"expiresAt\":-5}", "expiresAt"},
  };
  for (const auto& c : cases) {
    iotkit::TokenHandoff h;
    h.refreshToken = "before";
    std::string problem;
    EXPECT_FALSE(iotkit::parseTokenHandoff(c.json, h, problem)) << c.json;
    EXPECT_NE(problem.find(c.field), std::string::npos) << c.json << " -> " << problem;
    EXPECT_EQ(problem.find("secret"), std::string::npos) << problem;
    EXPECT_EQ(h.refreshToken, "before");
  }
}

TEST(SecondsUntil, CountsWholeSecondsLeft) {
  EXPECT_EQ(iotkit::secondsUntil(kNow + 3600000, kNow), 3600u);
  EXPECT_EQ(iotkit::secondsUntil(kNow + 1999, kNow), 1u);
  EXPECT_EQ(iotkit::secondsUntil(kNow + 999, kNow), 0u);
}

TEST(SecondsUntil, ZeroWhenPastOrWhenTheWallClockIsNotSet) {
  EXPECT_EQ(iotkit::secondsUntil(kNow - 1, kNow), 0u);
  EXPECT_EQ(iotkit::secondsUntil(kNow, kNow), 0u);
  // An ESP32 before NTP thinks it is 1970: every token would look valid for decades.
  EXPECT_EQ(iotkit::secondsUntil(kNow, 5000), 0u);
}

TEST(SystemWallClock, IsAfter2020) {
  iotkit::SystemWallClock clock;
  EXPECT_GT(clock.epochMs(), 1577836800000LL);
}
