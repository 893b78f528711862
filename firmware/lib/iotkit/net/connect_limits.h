// How long one connection attempt may block, and how a platform link reports failure. Shared
// by the keep-alive HTTP policy and the SSE stream so both honour the same bounds.
#pragma once

#include <cstdint>

namespace iotkit {

struct ConnectLimits {
  /** DNS + TCP connect. */
  uint32_t connectTimeoutMs = 4000;
  /** TLS handshake after TCP is up (https only). */
  uint32_t handshakeTimeoutMs = 6000;
  /** Request sent -> whole response read. */
  uint32_t responseTimeoutMs = 8000;
  /** After a failed connect, new connections wait this long; doubles per failure. */
  uint32_t firstRetryMs = 2000;
  uint32_t maxRetryMs = 30000;
};

enum class LinkError : uint8_t {
  None,
  /** DNS, TCP refused or timed out. */
  ConnectFailed,
  /** The TLS handshake failed (certificate not trusted, wrong host name, handshake timeout). */
  Tls,
  /** Connected, but no complete response in time. */
  Timeout,
  /**
   * The connection closed before a status line arrived, or the request could not be written.
   * On a kept-alive socket this is what a server-side idle close looks like.
   */
  Dropped,
};

const char* linkErrorName(LinkError error);

}  // namespace iotkit
