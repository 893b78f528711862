// StreamTransport over the libcurl multi interface. Why multi and not a thread: the app's loop
// is single-threaded on the ESP32 too, and curl_multi_perform() does a slice of socket work and
// returns at once, so poll() can pump the transfer from loop() without locks or a second thread.
#pragma once

#include <cstdint>
#include <string>

#include "iotkit/net/http_transport.h"

#include <curl/curl.h>

namespace iotkit::host {

class CurlStream : public StreamTransport {
 public:
  CurlStream();
  ~CurlStream() override;
  CurlStream(const CurlStream&) = delete;
  CurlStream& operator=(const CurlStream&) = delete;

  TransportError open(const std::string& url) override;
  size_t poll(char* buffer, size_t capacity) override;
  StreamState state() override;
  int32_t status() override { return status_; }
  void close() override;

  const std::string& url() const { return url_; }

  // Called from libcurl's callbacks.
  void appendBody(const char* data, size_t length);
  void headerLine(const char* data, size_t length);

 private:
  void pump();

  CURLM* multi_;
  CURL* easy_ = nullptr;
  struct curl_slist* headers_ = nullptr;
  std::string url_;
  std::string buffer_;
  size_t readOffset_ = 0;
  int32_t pendingStatus_ = 0;
  int32_t status_ = 0;
  StreamState state_ = StreamState::Idle;
};

}  // namespace iotkit::host
