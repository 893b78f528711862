// HttpTransport over libcurl. One easy handle is kept for the device's lifetime, so libcurl
// reuses the TCP (and TLS) connection between requests like a keep-alive HTTPClient would.
#pragma once

#include <cstdint>

#include "iotkit/net/http_transport.h"

#include <curl/curl.h>

namespace iotkit::host {

class CurlTransport : public HttpTransport {
 public:
  explicit CurlTransport(uint32_t timeoutMs = 10000);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  TransportError send(const HttpRequest& request, HttpResponse& response) override;
  /** Connections opened so far (1 after many requests to one host = reuse works). */
  long connectionsOpened() const { return connections_; }

 private:
  CURL* curl_;
  uint32_t timeoutMs_;
  long connections_ = 0;
};

}  // namespace iotkit::host
