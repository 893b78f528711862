// Stand-in: Arduino-ESP32 core 2.0.17 cores/esp32/IPAddress.h (subset).
#pragma once

#include <stdint.h>

#include "WString.h"

class IPAddress {
 public:
  IPAddress();
  IPAddress(uint8_t first_octet, uint8_t second_octet, uint8_t third_octet, uint8_t fourth_octet);
  String toString() const;
};
