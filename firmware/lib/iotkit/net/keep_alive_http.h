// The HttpTransport the ESP32 uses: one long-lived connection for the database origin, one
// short-lived connection for everything else (the rare Auth calls), a single retry when a
// kept-alive socket turns out to be stale, and no new connection while the shared ConnectGate
// is backing off. Every blocking step is bounded by ConnectLimits.
#pragma once

#include <cstdint>
#include <string>

#include "iotkit/net/connect_gate.h"
#include "iotkit/net/http_link.h"
#include "iotkit/net/http_transport.h"
#include "iotkit/net/origin.h"

namespace iotkit {

class KeepAliveHttp : public HttpTransport {
 public:
  KeepAliveHttp(HttpLink& kept, HttpLink& shortLived, ConnectGate& gate);

  /**
   * Requests to this URL's origin share the long-lived link. Until it is called, the origin of
   * the first request is kept. False if the URL is not http(s).
   */
  bool keepAliveFor(const std::string& url);
  TransportError send(const HttpRequest& request, HttpResponse& response) override;
  /** Why the last request failed (link text such as the mbedTLS error), "" after a success. */
  const char* lastError() const { return lastError_.c_str(); }

  /** Counters for tests and the serial log. */
  struct Stats {
    uint32_t connects = 0;
    uint32_t reused = 0;
    uint32_t staleRetries = 0;
    /** Requests refused at once because the gate was backing off. */
    uint32_t gated = 0;
  };
  const Stats& stats() const { return stats_; }

 private:
  struct Slot {
    HttpLink& link;
    Origin origin;
    bool open = false;
  };
  LinkError ensureOpen(Slot& slot, const Origin& origin);
  TransportError finish(Slot& slot, LinkError error);

  Slot kept_;
  Slot shortLived_;
  ConnectGate& gate_;
  Origin keptOrigin_;
  Origin requestOrigin_;
  bool keptChosen_ = false;
  std::string target_;
  std::string lastError_;
  Stats stats_;
};

}  // namespace iotkit
