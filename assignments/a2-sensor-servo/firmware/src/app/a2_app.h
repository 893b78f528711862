// Assignment 2: keypad login -> IR readings to the RTDB -> streamed back -> mapped -> servo + LCD.
// The same file runs on the ESP32 (src/main.cpp) and as a virtual device on a computer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "a2_settings.h"
#include "iotkit/app/app.h"
#include "iotkit/auth/auth_client.h"
#include "iotkit/lcd/lcd_text.h"
#include "iotkit/mapping/mapping.h"
#include "iotkit/rtdb/rtdb_client.h"
#include "iotkit/rtdb/rtdb_stream.h"

namespace a2 {

enum class Phase : uint8_t { EnterPassword, LockedOut, Running, Halted };

class A2App : public iotkit::App, private iotkit::RtdbStreamListener {
 public:
  const char* name() const override { return "a2"; }
  void setup(iotkit::Board& board) override;
  void loop(iotkit::Board& board) override;

 private:
  // --- password entry and sign-in ---
  void onKey(iotkit::Board& board, char key);
  void submitPassword(iotkit::Board& board);
  void showPasswordPrompt();
  // --- readings up, values down ---
  void startStreaming(iotkit::Board& board);
  void sendReading(iotkit::Board& board, int32_t ir);
  void onChange(iotkit::StreamEventKind kind, const char* path, const cJSON* data) override;
  void onNotice(iotkit::StreamNotice notice, int32_t httpStatus) override;
  void applyAngle(int32_t angle, const char* source);
  void publishOutputs();

  iotkit::Board* board_ = nullptr;
  Settings settings_;
  std::unique_ptr<iotkit::AuthClient> auth_;
  std::unique_ptr<iotkit::RtdbClient> db_;
  std::unique_ptr<iotkit::RtdbStream> stream_;
  iotkit::LcdText lcd_;
  iotkit::Calibration calibration_;
  Phase phase_ = Phase::EnterPassword;

  std::string typed_;
  uint32_t failures_ = 0;
  uint32_t lockedAt_ = 0;

  std::string base_;
  uint32_t lastReadingAt_ = 0;
  bool readingDue_ = true;
  int32_t lastSentIr_ = -1;
  int32_t shownIr_ = -1;
  int32_t shownAngle_ = -1;
  int32_t publishedIr_ = -1;
  bool outputsDirty_ = false;
};

}  // namespace a2
