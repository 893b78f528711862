// Assignment 2's settings: the "app" object of the device config JSON. Given to students as is.
#pragma once

#include <cstdint>
#include <string>

namespace a2 {

enum class AngleSource : uint8_t {
  /** The device maps the streamed reading itself. */
  Local,
  /** Bonus: the device uses the angle a cloud function wrote to /devices/{uid}/servo. */
  Function,
};

struct Settings {
  AngleSource mode = AngleSource::Local;
  uint32_t readingIntervalMs = 1000;
  uint32_t maxAttempts = 3;
  uint32_t lockoutMs = 30000;
};

/**
 * Reads `{"mode": "local"|"function", "readingIntervalMs": n, "maxAttempts": n, "lockoutMs": n}`;
 * absent fields keep their defaults. Returns false with `problem` set for a wrong type or value.
 */
bool parseSettings(const std::string& appJson, Settings& out, std::string& problem);

}  // namespace a2
