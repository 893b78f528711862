// The kit's demo firmware: signs in, asks for a PIN on the keypad (if configured), uploads IR
// readings with server timestamps, reads them back, and drives the servo and LCD from an SSE
// stream of /devices/{uid}/servo — so a value written by anyone (the device itself, a cloud
// function, a test) reaches the servo the same way.
#pragma once

#include <cstdint>
#include <string>

#include "iotkit/app/app.h"
#include "iotkit/auth/auth_client.h"
#include "iotkit/keypad/password_entry.h"
#include "iotkit/lcd/lcd_text.h"
#include "iotkit/mapping/mapping.h"
#include "iotkit/rtdb/rtdb_client.h"
#include "iotkit/rtdb/rtdb_stream.h"

namespace demo {

struct DemoSettings {
  std::string pin;
  uint32_t readingIntervalMs = 500;
  iotkit::Calibration calibration;
};

class DemoApp : public iotkit::App, private iotkit::RtdbStreamListener {
 public:
  const char* name() const override { return "demo"; }
  void setup(iotkit::Board& board) override;
  void loop(iotkit::Board& board) override;

 private:
  enum class Phase : uint8_t { SignIn, Pin, Running };

  void onChange(iotkit::StreamEventKind kind, const char* path, const cJSON* data) override;
  void onNotice(iotkit::StreamNotice notice, int32_t httpStatus) override;
  void trySignIn(iotkit::Board& board);
  void handlePin(iotkit::Board& board);
  void upload(iotkit::Board& board, int32_t ir);

  iotkit::Board* board_ = nullptr;
  DemoSettings settings_;
  iotkit::AuthClient* auth_ = nullptr;
  iotkit::RtdbClient* rtdb_ = nullptr;
  iotkit::RtdbStream* stream_ = nullptr;
  iotkit::PasswordEntry pin_;
  iotkit::LcdText lcd_;
  iotkit::RtdbResult result_;
  Phase phase_ = Phase::SignIn;
  uint32_t nextSignInAt_ = 0;
  uint32_t signInDelayMs_ = 1000;
  uint32_t lastReadingAt_ = 0;
  int32_t lastUploaded_ = -1;
  bool firstReading_ = true;
  std::string base_;
  std::string path_;
  std::string body_;
};

/** Reads the "app" object of the device config; unknown keys are ignored. */
bool parseDemoSettings(const std::string& json, DemoSettings& out, std::string& problem);

}  // namespace demo
