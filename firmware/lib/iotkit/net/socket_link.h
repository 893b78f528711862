// A raw byte connection (ESP32: WiFiClient / WiFiClientSecure; tests: a double). SocketStream
// speaks HTTP over it, so the SSE request, head parsing and redirects are portable and tested.
#pragma once

#include <cstddef>
#include <cstdint>

#include "iotkit/net/connect_limits.h"
#include "iotkit/net/origin.h"

namespace iotkit {

class SocketLink {
 public:
  virtual ~SocketLink() = default;
  /** DNS, TCP and (https) TLS, each bounded by `limits`. */
  virtual LinkError connect(const Origin& origin, const ConnectLimits& limits) = 0;
  virtual bool connected() = 0;
  /** Writes all of `data` or returns fewer bytes on failure. */
  virtual size_t write(const char* data, size_t length) = 0;
  /** Copies bytes already received, up to `capacity`; never waits. */
  virtual size_t read(char* buffer, size_t capacity) = 0;
  virtual void close() = 0;
  /** Why the last connect failed, e.g. the mbedTLS error text; "" when unknown. */
  virtual const char* lastError() { return ""; }
};

}  // namespace iotkit
