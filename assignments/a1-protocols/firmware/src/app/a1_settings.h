// Assignment 1's device settings: the "app" object of the device config JSON. Given to students as is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace a1 {

struct Settings {
  /** The MQTT client id and the middle level of every topic: iotkit/<device>/... */
  std::string device = "a1-device";
  std::string mqttHost = "127.0.0.1";
  uint16_t mqttPort = 1883;
  /** Empty = connect without a user name. */
  std::string mqttUser;
  std::string mqttPassword;
  uint32_t intervalMs = 1000;
  /** Also write every reading to the database over HTTP, so the two protocols can be compared. */
  bool http = true;
};

constexpr uint32_t kMinIntervalMs = 100;
constexpr uint32_t kMaxIntervalMs = 3600000;

/**
 * Reads `{"device", "mqttHost", "mqttPort", "mqttUser", "mqttPassword", "intervalMs", "http"}`;
 * absent fields keep their defaults. Returns false with `problem` naming the field otherwise.
 */
bool parseSettings(const std::string& appJson, Settings& out, std::string& problem);

/**
 * A command sent to iotkit/<device>/cmd: `{"intervalMs": n}` changes the reading interval.
 * Returns false with `problem` set for anything else.
 */
bool parseCommand(const char* payload, size_t length, uint32_t& intervalMs, std::string& problem);

}  // namespace a1
