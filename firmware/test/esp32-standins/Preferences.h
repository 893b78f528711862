// Stand-in: Arduino-ESP32 core 2.0.17 libraries/Preferences/src/Preferences.h (subset).
#pragma once

#include <stddef.h>

#include "WString.h"

class Preferences {
 public:
  Preferences();
  ~Preferences();
  bool begin(const char* name, bool readOnly = false, const char* partition_label = NULL);
  void end();
  bool clear();
  bool remove(const char* key);
  size_t putString(const char* key, const char* value);
  size_t putString(const char* key, String value);
  bool isKey(const char* key);
  size_t getString(const char* key, char* value, size_t maxLen);
  String getString(const char* key, String defaultValue = String());
};
