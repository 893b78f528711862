// Assignment 5's settings: the "app" object of the device config JSON. Given to students as is.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace a5 {

/** Order by the push ids instead of a child (orderByKey). */
constexpr const char* kOrderByKey = "$key";
/** Order the plain strings of `<base>/labels` by themselves (orderByValue). */
constexpr const char* kOrderByValue = "$value";

struct Settings {
  /**
   * The child of each reading the query orders by ("zone", "sensor", "label"), "$key", or "$value"
   * (then the query reads `<base>/labels`, a list of plain strings, instead of the readings).
   */
  std::string orderBy = "zone";
  /** Every reading whose ordered value starts with this string matches; "" matches every string. */
  std::string prefix = "lab";
  /**
   * The batch pushed at boot: each entry is a JSON object of the reading's own children (sensor,
   * zone, label), printed back as text; the device adds `ir` (the sensor) and `ts` (server time).
   */
  std::vector<std::string> readings;
  /** Bonus: keep only the first / last n matches (0 = no limit; at most one of them). */
  uint32_t limitToFirst = 0;
  uint32_t limitToLast = 0;
  /** Bonus: keep the query open as an SSE stream and follow the readings that enter it. */
  bool live = false;
};

/**
 * Reads `{"orderBy": "zone", "prefix": "lab", "readings": [{...}], "limitToFirst": n,
 * "limitToLast": n, "live": true}`; absent fields keep their defaults. Returns false with `problem` set for a
 * wrong type, an orderBy that is not one database key, or both limits.
 */
bool parseSettings(const std::string& appJson, Settings& out, std::string& problem);

}  // namespace a5
