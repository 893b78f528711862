// Assignment 3's settings: the "app" object of the device config JSON. Given to students as is.
#pragma once

#include <string>

namespace a3 {

struct Settings {
  /**
   * Whose subtree the menu works on: empty (the default) means the device's own uid. Setting
   * another device's uid shows what the rules do with someone else's data: every operation is
   * refused.
   */
  std::string target;
};

/**
 * Reads `{"target": "<uid>"}`; absent fields keep their defaults. Returns false with `problem`
 * set for a wrong type or a uid that is not a single database key.
 */
bool parseSettings(const std::string& appJson, Settings& out, std::string& problem);

}  // namespace a3
