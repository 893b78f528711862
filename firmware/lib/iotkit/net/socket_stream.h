// StreamTransport over a SocketLink: the SSE GET sent by hand, the response head parsed as it
// arrives, chunked bodies decoded, up to 3 redirects followed. open() does no I/O at all; the
// connection is made by the next poll(), one bounded step per call, and not at all while the
// shared ConnectGate is backing off, so the loop() that drives RtdbStream never waits longer
// than one connect.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "iotkit/net/chunked_decoder.h"
#include "iotkit/net/connect_gate.h"
#include "iotkit/net/http_transport.h"
#include "iotkit/net/origin.h"
#include "iotkit/net/socket_link.h"

namespace iotkit {

class SocketStream : public StreamTransport {
 public:
  SocketStream(SocketLink& link, ConnectGate& gate);

  TransportError open(const std::string& url) override;
  size_t poll(char* buffer, size_t capacity) override;
  StreamState state() override { return state_; }
  int32_t status() override { return status_; }
  void close() override;

  /** Why the stream last failed (e.g. the mbedTLS error text), "" when it did not. */
  const char* lastError() const { return lastError_.c_str(); }
  /** Connections made since start, for tests and the serial log. */
  uint32_t connects() const { return connects_; }

 private:
  enum class Phase : uint8_t { Idle, Pending, Head, Body };
  void fail(const char* why);
  bool connectNow();
  bool readHead();
  size_t readBody(char* buffer, size_t capacity);

  SocketLink& link_;
  ConnectGate& gate_;
  Origin origin_;
  std::string target_;
  std::string request_;
  std::string host_;
  std::string head_;
  std::string lastError_;
  Phase phase_ = Phase::Idle;
  StreamState state_ = StreamState::Idle;
  int32_t status_ = 0;
  bool chunked_ = false;
  uint8_t redirects_ = 0;
  uint32_t connects_ = 0;
  ChunkedDecoder decoder_;
  char raw_[256];
  size_t rawLength_ = 0;
  size_t rawOffset_ = 0;
};

}  // namespace iotkit
