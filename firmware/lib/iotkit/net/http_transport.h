// HTTP as the REST clients need it. Implementations: libcurl on the host, WiFiClientSecure +
// HTTPClient on the ESP32, a recording fake in tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace iotkit {

enum class HttpMethod : uint8_t { Get, Put, Post, Patch, Delete };

const char* httpMethodName(HttpMethod method);

struct HttpRequest {
  HttpMethod method = HttpMethod::Get;
  std::string url;
  std::string body;
  /** Empty means no body; JSON by default. */
  const char* contentType = "application/json";
  /** Sends `X-Firebase-ETag: true` so the response carries the node's ETag. */
  bool wantEtag = false;
  /** Non-empty: sends `if-match: <ifMatch>` (conditional write). */
  std::string ifMatch;

  /** Clears the fields but keeps the string capacity, so a reused request does not reallocate. */
  void reset() {
    method = HttpMethod::Get;
    url.clear();
    body.clear();
    contentType = "application/json";
    wantEtag = false;
    ifMatch.clear();
  }
};

struct HttpResponse {
  /** HTTP status; 0 when the transport failed before a status arrived. */
  int32_t status = 0;
  std::string body;
  std::string etag;

  void reset() {
    status = 0;
    body.clear();
    etag.clear();
  }
};

enum class TransportError : uint8_t {
  None,
  ConnectFailed,
  Timeout,
  Tls,
  Other,
};

const char* transportErrorName(TransportError error);

/** Blocking request/response (the ESP32's HTTPClient is blocking too); bounded by a timeout. */
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual TransportError send(const HttpRequest& request, HttpResponse& response) = 0;
};

enum class StreamState : uint8_t { Idle, Connecting, Open, Closed, Failed };

/**
 * A long-lived GET (`Accept: text/event-stream`, redirects followed) read without blocking:
 * `poll` copies whatever bytes have arrived since the last call and returns at once.
 */
class StreamTransport {
 public:
  virtual ~StreamTransport() = default;
  virtual TransportError open(const std::string& url) = 0;
  /** Copies up to `capacity` received bytes into `buffer`; returns the count (0 = nothing yet). */
  virtual size_t poll(char* buffer, size_t capacity) = 0;
  virtual StreamState state() = 0;
  /** HTTP status of the stream once headers arrived, else 0. */
  virtual int32_t status() = 0;
  virtual void close() = 0;
};

}  // namespace iotkit
