// Stand-in: Arduino-ESP32 core 2.0.17 libraries/WiFi/src/WiFiClient.h (subset).
// In 2.0.x setTimeout takes SECONDS (it became milliseconds in 3.0).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "IPAddress.h"
#include "Stream.h"

class WiFiClient : public Stream {
 public:
  WiFiClient();
  ~WiFiClient();
  virtual int connect(IPAddress ip, uint16_t port);
  virtual int connect(IPAddress ip, uint16_t port, int32_t timeout_ms);
  virtual int connect(const char* host, uint16_t port);
  virtual int connect(const char* host, uint16_t port, int32_t timeout_ms);
  size_t write(uint8_t data) override;
  size_t write(const uint8_t* buf, size_t size) override;
  int available() override;
  int read() override;
  virtual int read(uint8_t* buf, size_t size);
  int peek() override;
  virtual void stop();
  virtual uint8_t connected();
  int setTimeout(uint32_t seconds);
  int setNoDelay(bool nodelay);
  operator bool() { return connected(); }
};
