#include "iotkit/auth/token_handoff.h"

#include <chrono>
#include <cmath>

#include "iotkit/json/json_doc.h"

namespace iotkit {

namespace {

/** 2020-01-01T00:00:00Z: any earlier wall time means the clock was never set. */
constexpr int64_t kEarliestPlausibleMs = 1577836800000LL;

bool looksLikeJwt(const std::string& token) {
  const size_t first = token.find('.');
  if (first == std::string::npos || first == 0) return false;
  const size_t second = token.find('.', first + 1);
  return second != std::string::npos && second > first + 1 && token.find('.', second + 1) == std::string::npos;
}

}  // namespace

bool parseTokenHandoff(const std::string& json, TokenHandoff& out, std::string& problem) {
  JsonDoc doc;
  if (!doc.parse(json) || !cJSON_IsObject(doc.root())) {
    problem = "the hand-over must be a JSON object {idToken, refreshToken, expiresAt}";
    return false;
  }
  TokenHandoff parsed;
  if (!jsonString(doc.root(), "idToken", parsed.idToken) || !looksLikeJwt(parsed.idToken)) {
    problem = "idToken must be an ID token (a JWT: three parts separated by dots)";
    return false;
  }
  if (!jsonString(doc.root(), "refreshToken", parsed.refreshToken) || parsed.refreshToken.empty()) {
    problem = "refreshToken must be a non-empty string";
    return false;
  }
  double expiresAt = 0;
  if (!jsonNumber(doc.root(), "expiresAt", expiresAt) || !(expiresAt > 0) || expiresAt != std::floor(expiresAt) ||
      expiresAt > 9007199254740991.0) {
    problem = "expiresAt must be a whole number of milliseconds since 1970";
    return false;
  }
  parsed.expiresAtMs = static_cast<int64_t>(expiresAt);
  out = parsed;
  return true;
}

uint32_t secondsUntil(int64_t expiresAtMs, int64_t nowMs) {
  if (nowMs < kEarliestPlausibleMs || expiresAtMs <= nowMs) return 0;
  const int64_t seconds = (expiresAtMs - nowMs) / 1000;
  return seconds > 0xFFFFFFFFLL ? 0xFFFFFFFFu : static_cast<uint32_t>(seconds);
}

int64_t SystemWallClock::epochMs() {
  const auto since = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(since).count());
}

}  // namespace iotkit
