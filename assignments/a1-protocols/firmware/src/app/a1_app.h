// Assignment 1's measuring device: every interval it reads the IR sensor and sends the reading
// twice, over MQTT (iotkit/<device>/ir, QoS 1) and over HTTP to the database, so the labs can
// watch the same data travel by both protocols. It announces itself on iotkit/<device>/status
// ("online", and "offline" as its last will) and takes {"intervalMs": n} on iotkit/<device>/cmd.
// The same source runs on the ESP32 (src/main.cpp) and as a virtual device on a computer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "a1_settings.h"
#include "iotkit/app/app.h"
#include "iotkit/auth/auth_client.h"
#include "iotkit/mqtt/mqtt_session.h"
#include "iotkit/rtdb/rtdb_client.h"

namespace a1 {

class A1App : public iotkit::App, private iotkit::MqttListener {
 public:
  const char* name() const override { return "a1"; }
  void setup(iotkit::Board& board) override;
  void loop(iotkit::Board& board) override;

 private:
  void halt(iotkit::Board& board, const char* line, const std::string& detail);
  void signIn(iotkit::Board& board);
  // --- the part students write ---
  void publishReading(iotkit::Board& board, int32_t ir);
  void writeReading(iotkit::Board& board, int32_t ir);
  void onMqttMessage(const iotkit::MqttMessage& message) override;

  iotkit::Board* board_ = nullptr;
  Settings settings_;
  std::unique_ptr<iotkit::MqttSession> mqtt_;
  std::unique_ptr<iotkit::AuthClient> auth_;
  std::unique_ptr<iotkit::RtdbClient> db_;
  bool halted_ = false;
  // Built once in setup(): the loop formats into fixed buffers and allocates nothing.
  std::string readingTopic_;
  std::string commandTopic_;
  std::string latestPath_;
  uint32_t intervalMs_ = 1000;
  uint32_t lastReadingAt_ = 0;
  bool readingDue_ = true;
  uint32_t sequence_ = 0;
};

}  // namespace a1
