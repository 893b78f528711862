// The ESP32 ends of the portable connection policy (firmware/lib/iotkit/net): an HttpLink that
// keeps one HTTPClient + WiFiClient(Secure) alive, a SocketLink for the SSE stream, and the
// Wi-Fi station driven by WifiPolicy. What to connect, reuse, retry or back off is decided in
// lib/ and tested on the host; these classes only apply timeouts and certificates.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "iotkit/hal/interfaces.h"
#include "iotkit/net/http_link.h"
#include "iotkit/net/socket_link.h"
#include "iotkit/net/tls_settings.h"
#include "iotkit/net/wifi_policy.h"

namespace iotkit::esp32 {

/** HTTPClient over a kept WiFiClientSecure (https) or WiFiClient (http). */
class Esp32HttpLink : public HttpLink {
 public:
  /** `tls` must outlive the link (the root CA text is used at every handshake). */
  explicit Esp32HttpLink(const TlsSettings& tls);
  ~Esp32HttpLink() override;
  LinkError connect(const Origin& origin, const ConnectLimits& limits) override;
  bool connected() override;
  LinkError exchange(const Origin& origin, const std::string& target, const HttpRequest& request,
                     HttpResponse& response) override;
  void close() override;
  const char* lastError() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/** A raw WiFiClientSecure / WiFiClient for the SSE stream (HTTPClient cannot read a body piecemeal). */
class Esp32SocketLink : public SocketLink {
 public:
  explicit Esp32SocketLink(const TlsSettings& tls);
  ~Esp32SocketLink() override;
  LinkError connect(const Origin& origin, const ConnectLimits& limits) override;
  bool connected() override;
  size_t write(const char* data, size_t length) override;
  size_t read(char* buffer, size_t capacity) override;
  void close() override;
  const char* lastError() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/** Station mode with the core's auto-reconnect; WifiPolicy decides when to begin again. */
class WifiConnector {
 public:
  void begin(const char* ssid, const char* password, uint32_t now);
  /** Call every loop; returns true while connected. */
  bool poll(Logger& log, uint32_t now);

 private:
  const char* ssid_ = "";
  const char* password_ = "";
  WifiPolicy policy_;
};

}  // namespace iotkit::esp32
