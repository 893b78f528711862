// Stand-in: Arduino-ESP32 core 2.0.17 libraries/WiFi/src/WiFiClient.h (subset).
// In 2.0.x setTimeout takes SECONDS (it became milliseconds in 3.0).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "Client.h"
#include "IPAddress.h"
#include "Stream.h"

// In 2.0.x WiFiClient derives from Client through ESPLwIPClient, so it can be handed to any
// library that takes a Client& (PubSubClient does).
class ESPLwIPClient : public Client {
 public:
  virtual int connect(IPAddress ip, uint16_t port, int32_t timeout) = 0;
  virtual int connect(const char* host, uint16_t port, int32_t timeout) = 0;
  virtual int setTimeout(uint32_t seconds) = 0;
};

class WiFiClient : public ESPLwIPClient {
 public:
  WiFiClient();
  ~WiFiClient();
  int connect(IPAddress ip, uint16_t port) override;
  int connect(IPAddress ip, uint16_t port, int32_t timeout_ms) override;
  int connect(const char* host, uint16_t port) override;
  int connect(const char* host, uint16_t port, int32_t timeout_ms) override;
  size_t write(uint8_t data) override;
  size_t write(const uint8_t* buf, size_t size) override;
  int available() override;
  int read() override;
  int read(uint8_t* buf, size_t size) override;
  int peek() override;
  void flush() override;
  void stop() override;
  uint8_t connected() override;
  int setTimeout(uint32_t seconds) override;
  int setNoDelay(bool nodelay);
  operator bool() override { return connected(); }
};
