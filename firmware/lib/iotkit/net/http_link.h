// One connection slot a platform keeps open between requests (ESP32: an HTTPClient over a
// WiFiClientSecure; tests: a counting double). KeepAliveHttp decides when to connect, reuse,
// retry and close; the link only does what it is told, within the given limits.
#pragma once

#include <string>

#include "iotkit/net/connect_limits.h"
#include "iotkit/net/http_transport.h"
#include "iotkit/net/origin.h"

namespace iotkit {

class HttpLink {
 public:
  virtual ~HttpLink() = default;
  /** DNS, TCP and (https) the TLS handshake, each bounded by `limits`. Blocks for at most their sum. */
  virtual LinkError connect(const Origin& origin, const ConnectLimits& limits) = 0;
  /** Whether the socket is still open as far as the platform can tell without blocking. */
  virtual bool connected() = 0;
  /** One request/response on the open connection, asking the server to keep it open. */
  virtual LinkError exchange(const Origin& origin, const std::string& target, const HttpRequest& request,
                             HttpResponse& response) = 0;
  virtual void close() = 0;
  /** Why the last connect failed, e.g. the mbedTLS error text; "" when unknown. */
  virtual const char* lastError() { return ""; }
};

}  // namespace iotkit
