// Assignment 4's settings: the "app" object of the device config JSON. Given to students as is.
#pragma once

#include <cstdint>
#include <string>

namespace a4 {

struct Settings {
  /** How often a reading is taken and sent. */
  uint32_t readingIntervalMs = 1000;
  /** Refresh the ID token when less than this is left (never later than half its lifetime). */
  uint32_t refreshMarginMs = 300000;
};

/**
 * Reads `{"readingIntervalMs": n, "refreshMarginMs": n}`; absent fields keep their defaults,
 * other keys are ignored. Returns false with `problem` naming the field for a wrong type or value.
 */
bool parseSettings(const std::string& appJson, Settings& out, std::string& problem);

}  // namespace a4
