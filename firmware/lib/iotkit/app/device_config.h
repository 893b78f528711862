// Where the device connects and as whom. On the host it comes from the --config JSON file; on
// the ESP32 from the same JSON embedded at build time (see docs/guides/hardware.md).
#pragma once

#include <cstdint>
#include <string>

namespace iotkit {

struct DeviceConfig {
  std::string rtdbUrl = "http://127.0.0.1:9000";
  std::string ns;
  std::string authUrl = "http://127.0.0.1:9099";
  std::string apiKey = "demo-key";
  std::string email;
  std::string password;
  std::string customToken;
  /** The raw JSON text of the "app" object ("{}" when absent), for app-specific settings. */
  std::string appJson = "{}";
};

enum class ConfigStatus : uint8_t { Ok, NotJson, NotObject, WrongType };

/** Parses the config JSON; unknown keys are ignored, a field of the wrong type is an error. */
ConfigStatus parseDeviceConfig(const char* json, DeviceConfig& out, std::string& problem);

}  // namespace iotkit
