// Stand-in: Arduino-ESP32 core 2.0.17 cores/esp32/Stream.h (subset).
#pragma once

#include "Print.h"

class Stream : public Print {
 public:
  virtual int available() = 0;
  virtual int read() = 0;
  virtual int peek() = 0;
  void setTimeout(unsigned long timeout);
};
