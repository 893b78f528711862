#include "iotkit/net/keep_alive_http.h"

namespace iotkit {

namespace {
TransportError toTransportError(LinkError error) {
  switch (error) {
    case LinkError::None: return TransportError::None;
    case LinkError::ConnectFailed: return TransportError::ConnectFailed;
    case LinkError::Tls: return TransportError::Tls;
    case LinkError::Timeout: return TransportError::Timeout;
    case LinkError::Dropped: return TransportError::Other;
  }
  return TransportError::Other;
}
}  // namespace

KeepAliveHttp::KeepAliveHttp(HttpLink& kept, HttpLink& shortLived, ConnectGate& gate)
    : kept_{kept, Origin(), false}, shortLived_{shortLived, Origin(), false}, gate_(gate) {
  target_.reserve(256);
}

bool KeepAliveHttp::keepAliveFor(const std::string& url) {
  Origin origin;
  if (!parseUrl(url, origin, target_)) return false;
  if (kept_.open && kept_.origin != origin) {
    kept_.link.close();
    kept_.open = false;
  }
  keptOrigin_ = origin;
  keptChosen_ = true;
  return true;
}

LinkError KeepAliveHttp::ensureOpen(Slot& slot, const Origin& origin) {
  if (slot.open && slot.origin == origin && slot.link.connected()) {
    ++stats_.reused;
    return LinkError::None;
  }
  if (slot.open) {
    slot.link.close();
    slot.open = false;
  }
  if (!gate_.mayAttempt()) {
    ++stats_.gated;
    lastError_ = "backend unreachable; next connection attempt in " + std::to_string(gate_.waitMs()) + " ms";
    return LinkError::ConnectFailed;
  }
  ++stats_.connects;
  const LinkError error = slot.link.connect(origin, gate_.limits());
  if (error != LinkError::None) {
    gate_.failed();
    lastError_ = slot.link.lastError();
    return error;
  }
  gate_.succeeded();
  slot.origin = origin;
  slot.open = true;
  return LinkError::None;
}

TransportError KeepAliveHttp::finish(Slot& slot, LinkError error) {
  if (error != LinkError::None || &slot == &shortLived_) {
    slot.link.close();
    slot.open = false;
  }
  if (error == LinkError::None) lastError_.clear();
  return toTransportError(error);
}

TransportError KeepAliveHttp::send(const HttpRequest& request, HttpResponse& response) {
  response.reset();
  lastError_.clear();
  Origin& origin = requestOrigin_;
  if (!parseUrl(request.url, origin, target_)) {
    lastError_ = "not an http(s) URL";
    return TransportError::Other;
  }
  if (!keptChosen_) {
    keptOrigin_ = origin;
    keptChosen_ = true;
  }
  Slot& slot = origin == keptOrigin_ ? kept_ : shortLived_;
  const bool reusing = slot.open && slot.origin == origin && slot.link.connected();
  LinkError error = ensureOpen(slot, origin);
  if (error != LinkError::None) return finish(slot, error);
  error = slot.link.exchange(origin, target_, request, response);
  if (error == LinkError::Dropped && reusing) {
    // The server closed the idle socket between requests: the request never reached it, so one
    // retry on a fresh connection is safe. A second drop is a real failure.
    ++stats_.staleRetries;
    slot.link.close();
    slot.open = false;
    response.reset();
    error = ensureOpen(slot, origin);
    if (error == LinkError::None) error = slot.link.exchange(origin, target_, request, response);
  }
  if (error != LinkError::None && lastError_.empty()) lastError_ = linkErrorName(error);
  return finish(slot, error);
}

}  // namespace iotkit
