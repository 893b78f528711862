// One back-off shared by every connection the device opens. When the backend (or the whole
// network) is unreachable, each attempt blocks for up to a connect timeout; letting the HTTP
// links and the stream each try in the same loop() would multiply that. After a failure no new
// connection is attempted until the back-off has passed, so a loop() pays at most one attempt.
#pragma once

#include <cstdint>

#include "iotkit/hal/interfaces.h"
#include "iotkit/net/connect_limits.h"

namespace iotkit {

class ConnectGate {
 public:
  ConnectGate(Clock& clock, const ConnectLimits& limits) : clock_(clock), limits_(limits) {}

  /** True when a new connection may be attempted now. */
  bool mayAttempt();
  void failed();
  void succeeded();
  /** Milliseconds until the next attempt is allowed (0 when allowed). */
  uint32_t waitMs();
  const ConnectLimits& limits() const { return limits_; }

 private:
  Clock& clock_;
  ConnectLimits limits_;
  bool waiting_ = false;
  uint32_t retryAt_ = 0;
  uint32_t backoffMs_ = 0;
};

}  // namespace iotkit
