// Stand-in: Arduino-ESP32 core 2.0.17 cores/esp32/WString.h (subset).
#pragma once

#include <stddef.h>

class String {
 public:
  String(const char* cstr = "");
  String(const String& str);
  ~String();
  String& operator=(const String& rhs);
  String& operator=(const char* cstr);
  unsigned int length() const;
  bool isEmpty() const;
  const char* c_str() const;
  bool equals(const char* cstr) const;
};
