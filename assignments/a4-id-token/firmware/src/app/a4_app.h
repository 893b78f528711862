// Assignment 4: the device authenticates with an ID token another app handed it (never a
// password, never a custom token), renews it itself through the Secure Token API, keeps the
// rotated refresh token across reboots, and sends the A2 readings (push + latest) with it.
// The same file runs on the ESP32 (src/main.cpp) and as a virtual device on a computer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "a4_settings.h"
#include "iotkit/app/app.h"
#include "iotkit/auth/auth_client.h"
#include "iotkit/auth/token_handoff.h"
#include "iotkit/lcd/lcd_text.h"
#include "iotkit/rtdb/rtdb_client.h"

namespace a4 {

enum class Phase : uint8_t {
  /** No tokens yet: waiting for a hand-over in the store. */
  Unprovisioned,
  /** Signed in: readings go out with the current ID token. */
  Running,
  /** The refresh token was refused (revoked, user disabled or deleted): waiting for a new hand-over. */
  Revoked,
  Halted,
};

class A4App : public iotkit::App {
 public:
  const char* name() const override { return "a4"; }
  void setup(iotkit::Board& board) override;
  void loop(iotkit::Board& board) override;

 private:
  // --- getting tokens: a hand-over, or the refresh token saved before a reboot ---
  void checkForHandoff(iotkit::Board& board);
  void adoptHandoff(iotkit::Board& board, const std::string& json);
  void resumeFromStore(iotkit::Board& board);
  // --- keeping the ID token fresh ---
  void keepTokenFresh(iotkit::Board& board);
  bool refreshNow(iotkit::Board& board, const char* why);
  void onRefreshRefused(iotkit::Board& board, iotkit::AuthStatus status);
  // --- readings ---
  void takeReading(iotkit::Board& board);
  void sendPending(iotkit::Board& board);
  iotkit::RtdbStatus writeWithToken(iotkit::Board& board, iotkit::HttpMethod method, const std::string& path,
                                    const std::string& body, iotkit::RtdbResult& result);
  void showProvisionPrompt();
  void startRunning(iotkit::Board& board);

  Settings settings_;
  iotkit::SystemWallClock wallClock_;
  std::unique_ptr<iotkit::AuthClient> auth_;
  std::unique_ptr<iotkit::RtdbClient> db_;
  iotkit::LcdText lcd_;
  Phase phase_ = Phase::Unprovisioned;
  std::string base_;

  uint32_t lastStoreCheckAt_ = 0;
  /** Lifetime of the current ID token as received, for the "half its life" cap on the margin. */
  uint32_t tokenLifetimeMs_ = 0;
  uint32_t lastRefreshAt_ = 0;
  bool refreshedSinceStart_ = false;
  uint32_t retryAt_ = 0;
  uint32_t retryDelayMs_ = 0;
  uint32_t refreshCount_ = 0;

  /** One reading at a time: it stays pending until the database acknowledged it (no lost reading). */
  bool pending_ = false;
  bool pushed_ = false;
  int32_t pendingIr_ = 0;
  uint32_t pendingSeq_ = 0;
  uint32_t seq_ = 0;
  uint32_t lastReadingAt_ = 0;
  bool firstReading_ = true;
  uint32_t nextSendAt_ = 0;
};

}  // namespace a4
