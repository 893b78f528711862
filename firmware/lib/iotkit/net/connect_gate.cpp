#include "iotkit/net/connect_gate.h"

namespace iotkit {

uint32_t ConnectGate::waitMs() {
  if (!waiting_) return 0;
  const int32_t left = static_cast<int32_t>(retryAt_ - clock_.millis());
  if (left <= 0) {
    waiting_ = false;
    return 0;
  }
  return static_cast<uint32_t>(left);
}

bool ConnectGate::mayAttempt() { return waitMs() == 0; }

void ConnectGate::failed() {
  backoffMs_ = backoffMs_ == 0 ? limits_.firstRetryMs
                               : (backoffMs_ >= limits_.maxRetryMs / 2 ? limits_.maxRetryMs : backoffMs_ * 2);
  waiting_ = true;
  retryAt_ = clock_.millis() + backoffMs_;
}

void ConnectGate::succeeded() {
  waiting_ = false;
  backoffMs_ = 0;
}

}  // namespace iotkit
