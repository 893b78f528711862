// Stand-in: Arduino-ESP32 core 2.0.17 libraries/WiFiClientSecure/src/WiFiClientSecure.h (subset).
// setHandshakeTimeout takes SECONDS; setCACertBundle takes one pointer (3.x added a size).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "IPAddress.h"
#include "WiFi.h"

class WiFiClientSecure : public WiFiClient {
 public:
  WiFiClientSecure();
  ~WiFiClientSecure();
  int connect(IPAddress ip, uint16_t port) override;
  int connect(IPAddress ip, uint16_t port, int32_t timeout) override;
  int connect(const char* host, uint16_t port) override;
  int connect(const char* host, uint16_t port, int32_t timeout) override;
  size_t write(uint8_t data) override;
  size_t write(const uint8_t* buf, size_t size) override;
  int available() override;
  int read() override;
  int read(uint8_t* buf, size_t size) override;
  int peek() override;
  void stop() override;
  uint8_t connected() override;
  int lastError(char* buf, const size_t size);
  void setInsecure();
  void setCACert(const char* rootCA);
  void setCACertBundle(const uint8_t* bundle);
  void setHandshakeTimeout(unsigned long handshake_timeout);
};
