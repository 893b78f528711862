#include "iotkit/net/wifi_policy.h"

namespace iotkit {

const char* wifiLinkStatusName(WifiLinkStatus status) {
  switch (status) {
    case WifiLinkStatus::Idle: return "idle";
    case WifiLinkStatus::Connected: return "connected";
    case WifiLinkStatus::NoSsid: return "network not found";
    case WifiLinkStatus::ConnectFailed: return "connection refused (password?)";
    case WifiLinkStatus::Lost: return "connection lost";
    case WifiLinkStatus::Disconnected: return "disconnected";
  }
  return "disconnected";
}

void WifiPolicy::started(uint32_t now) {
  lastBegin_ = now;
  backoffMs_ = kFirstRetryMs;
  connected_ = false;
}

WifiAction WifiPolicy::poll(WifiLinkStatus status, uint32_t now) {
  const bool connected = status == WifiLinkStatus::Connected;
  changed_ = connected != connected_;
  connected_ = connected;
  if (connected) {
    backoffMs_ = kFirstRetryMs;
    return WifiAction::None;
  }
  if (status != WifiLinkStatus::NoSsid && status != WifiLinkStatus::ConnectFailed) return WifiAction::None;
  if (now - lastBegin_ < backoffMs_) return WifiAction::None;
  lastBegin_ = now;
  backoffMs_ = backoffMs_ >= kMaxRetryMs / 2 ? kMaxRetryMs : backoffMs_ * 2;
  return WifiAction::Begin;
}

}  // namespace iotkit
