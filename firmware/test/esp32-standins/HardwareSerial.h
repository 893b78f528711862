// Stand-in: Arduino-ESP32 core 2.0.17 cores/esp32/HardwareSerial.h (subset).
#pragma once

#include <stdint.h>

#include "Stream.h"

#define SERIAL_8N1 0x800001c

class HardwareSerial : public Stream {
 public:
  void begin(unsigned long baud, uint32_t config = SERIAL_8N1, int8_t rxPin = -1, int8_t txPin = -1,
             bool invert = false, unsigned long timeout_ms = 20000UL, uint8_t rxfifo_full_thrhd = 112);
  int available(void) override;
  int peek(void) override;
  int read(void) override;
  size_t write(uint8_t) override;
  size_t write(const uint8_t* buffer, size_t size) override;
};

extern HardwareSerial Serial;
