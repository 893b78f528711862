// When the ESP32 should call WiFi.begin() again. The core's auto-reconnect already brings a
// lost link back, and restarting an association that is still running (the first seconds
// after boot, DHCP) only delays it. So the only reason to begin again is a definite failure:
// the network is not in range or refused the password. Those are retried with a back-off
// starting at 10 s, because the student may be walking to the access point or fixing it.
#pragma once

#include <cstdint>

namespace iotkit {

/** The station states the policy needs (ESP32: from WiFi.status()). */
enum class WifiLinkStatus : uint8_t { Idle, Connected, NoSsid, ConnectFailed, Lost, Disconnected };

enum class WifiAction : uint8_t { None, Begin };

const char* wifiLinkStatusName(WifiLinkStatus status);

class WifiPolicy {
 public:
  static constexpr uint32_t kFirstRetryMs = 10000;
  static constexpr uint32_t kMaxRetryMs = 120000;

  /** The first WiFi.begin() happened at `now`. */
  void started(uint32_t now);
  /** Call every loop with the current status; says whether to begin again now. */
  WifiAction poll(WifiLinkStatus status, uint32_t now);
  bool connected() const { return connected_; }
  /** True once per change between connected and not, so the platform logs it. */
  bool changed() const { return changed_; }
  uint32_t backoffMs() const { return backoffMs_; }

 private:
  uint32_t lastBegin_ = 0;
  uint32_t backoffMs_ = kFirstRetryMs;
  bool connected_ = false;
  bool changed_ = false;
};

}  // namespace iotkit
