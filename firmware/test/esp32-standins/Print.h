// Stand-in: Arduino-ESP32 core 2.0.17 cores/esp32/Print.h (subset).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "WString.h"

class Print {
 public:
  virtual ~Print() {}
  virtual size_t write(uint8_t) = 0;
  virtual size_t write(const uint8_t* buffer, size_t size);
  size_t write(const char* str);
  size_t printf(const char* format, ...) __attribute__((format(printf, 2, 3)));
  size_t print(const char[]);
  size_t print(const String&);
  size_t println(const char[]);
  size_t println(void);
};
