#pragma once

#include <chrono>
#include <cstdint>

#include "iotkit/hal/interfaces.h"

namespace iotkit::host {

/** Milliseconds since construction from the monotonic clock (never jumps with wall time). */
class HostClock : public Clock {
 public:
  HostClock() : start_(std::chrono::steady_clock::now()) {}
  uint32_t millis() override {
    const auto elapsed = std::chrono::steady_clock::now() - start_;
    return static_cast<uint32_t>(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count());
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace iotkit::host
