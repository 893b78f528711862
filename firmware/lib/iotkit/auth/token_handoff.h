// Assignment 4's hand-over: another app (a phone, a laptop) signs the user in and gives the
// device `{"idToken": "...", "refreshToken": "...", "expiresAt": <ms since 1970>}`: over the
// serial console on hardware, into the persistent store on a virtual device. The device never
// sees a password; from then on it renews the ID token itself with the refresh token.
#pragma once

#include <cstdint>
#include <string>

namespace iotkit {

/** Store key under which a hand-over waits for the device (at most 15 characters, like NVS keys). */
constexpr const char* kTokenHandoffKey = "token_handoff";

struct TokenHandoff {
  std::string idToken;
  std::string refreshToken;
  /** When the ID token expires, in milliseconds since 1970-01-01 UTC. */
  int64_t expiresAtMs = 0;
};

/**
 * Parses a hand-over. `idToken` must look like a JWT (three dot-separated parts), `refreshToken`
 * must be a non-empty string, `expiresAt` a whole number of milliseconds since 1970. Returns false
 * with `problem` naming the field; `problem` never contains a token.
 */
bool parseTokenHandoff(const std::string& json, TokenHandoff& out, std::string& problem);

/**
 * Whole seconds from `nowMs` until `expiresAtMs` (both ms since 1970), rounded down; 0 when that
 * time has passed or when `nowMs` is before 2020, i.e. the device's wall clock is not set yet
 * (an ESP32 before its first NTP answer), so the caller refreshes instead of trusting the token.
 */
uint32_t secondsUntil(int64_t expiresAtMs, int64_t nowMs);

/** Milliseconds since 1970 from the platform's wall clock (the C library: NTP-set on the ESP32). */
class WallClock {
 public:
  virtual ~WallClock() = default;
  virtual int64_t epochMs() = 0;
};

/** The C++ system clock; what the device uses unless a test injects another WallClock. */
class SystemWallClock : public WallClock {
 public:
  int64_t epochMs() override;
};

}  // namespace iotkit
