// Assignment 3: read, update and delete on the Realtime Database from a keypad menu.
// A: show the latest readings (GET with a query), B: type a new threshold and save only that
// field (PATCH), C: delete the oldest reading (DELETE). The same file runs on the ESP32
// (src/main.cpp) and as a virtual device on a computer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "a3_menu.h"
#include "a3_settings.h"
#include "iotkit/app/app.h"
#include "iotkit/auth/auth_client.h"
#include "iotkit/lcd/lcd_text.h"
#include "iotkit/rtdb/rtdb_client.h"

namespace a3 {

/** How many readings the Read screen shows: four-digit values, three fit on 16 columns. */
constexpr uint32_t kReadCount = 3;

enum class Phase : uint8_t { SignedOut, Ready, Halted };

/** The requests the operations send (a subset of HTTP's methods). */
enum class Request : uint8_t { Get, Patch, Delete };

class A3App : public iotkit::App {
 public:
  const char* name() const override { return "a3"; }
  void setup(iotkit::Board& board) override;
  void loop(iotkit::Board& board) override;

 private:
  void signIn();
  void runAction(MenuAction action);
  // --- the three operations (each puts its outcome on the LCD) ---
  void readLatest();
  void updateThreshold(int32_t threshold);
  void deleteOldest();
  // --- requests and what the LCD says when they fail ---
  iotkit::RtdbStatus send(Request request, const std::string& path, const char* json, const iotkit::RtdbQuery* query,
                          iotkit::RtdbResult& out);
  iotkit::RtdbStatus sendOnce(Request request, const std::string& path, const char* json,
                              const iotkit::RtdbQuery* query, iotkit::RtdbResult& out);
  void showFailure(const char* operation, const iotkit::RtdbResult& result);
  void showNotFound(const char* operation, const char* what);
  void showTodo(const char* operation);

  iotkit::Board* board_ = nullptr;
  Settings settings_;
  std::unique_ptr<iotkit::AuthClient> auth_;
  std::unique_ptr<iotkit::RtdbClient> db_;
  iotkit::LcdText lcd_;
  Menu menu_;
  Phase phase_ = Phase::SignedOut;
  /** `/devices/<uid>`: the subtree every operation works on. */
  std::string base_;
};

}  // namespace a3
