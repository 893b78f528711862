#include "iotkit/rtdb/rtdb_stream.h"

#include <cstring>

#include "iotkit/json/json_doc.h"

namespace iotkit {

namespace {
constexpr uint32_t kMinBackoffMs = 1000;
constexpr uint32_t kMaxBackoffMs = 30000;
}  // namespace

const char* streamNoticeName(StreamNotice notice) {
  switch (notice) {
    case StreamNotice::Connected: return "connected";
    case StreamNotice::Disconnected: return "disconnected";
    case StreamNotice::Cancelled: return "cancelled";
    case StreamNotice::AuthRevoked: return "auth-revoked";
    case StreamNotice::Overflow: return "overflow";
    case StreamNotice::BadEvent: return "bad-event";
  }
  return "disconnected";
}

RtdbStream::RtdbStream(StreamTransport& transport, RtdbClient& client, Clock& clock, size_t maxEventBytes)
    : transport_(transport), client_(client), clock_(clock), parser_(maxEventBytes) {
  url_.reserve(256);
}

RtdbStatus RtdbStream::begin(const char* path, RtdbStreamListener& listener) {
  return start(path, nullptr, listener);
}

RtdbStatus RtdbStream::begin(const char* path, const RtdbQuery& query, RtdbStreamListener& listener) {
  // Parameters are percent-encoded, so "&shallow=" / "&print=" can only be the options themselves.
  const std::string& params = query.params();
  if (query.needsOrderBy() || params.find("&shallow=") != std::string::npos ||
      params.find("&print=") != std::string::npos) {
    return RtdbStatus::InvalidArgument;
  }
  return start(path, &query, listener);
}

RtdbStatus RtdbStream::start(const char* path, const RtdbQuery* query, RtdbStreamListener& listener) {
  const char* problem = "";
  if (!validateRtdbPath(path, &problem)) return RtdbStatus::InvalidPath;
  stop();
  path_.assign(path);
  hasQuery_ = query != nullptr;
  query_ = hasQuery_ ? *query : RtdbQuery();
  listener_ = &listener;
  active_ = true;
  cancelled_ = false;
  backoffMs_ = kMinBackoffMs;
  nextAttemptAt_ = clock_.millis();
  reconnectNow_ = true;
  return RtdbStatus::Ok;
}

void RtdbStream::stop() {
  if (connected_ || connecting_) transport_.close();
  active_ = false;
  connected_ = false;
  connecting_ = false;
  parser_.reset();
}

void RtdbStream::connect(uint32_t now) {
  const char* problem = "";
  if (!client_.buildUrl(path_.c_str(), hasQuery_ ? &query_ : nullptr, url_, &problem)) {
    active_ = false;
    return;
  }
  parser_.reset();
  reconnectNow_ = false;
  const TransportError error = transport_.open(url_);
  lastByteAt_ = now;
  if (error != TransportError::None) {
    scheduleReconnect(now, StreamNotice::Disconnected, 0);
    return;
  }
  connecting_ = true;
}

void RtdbStream::scheduleReconnect(uint32_t now, StreamNotice notice, int32_t status) {
  transport_.close();
  const bool wasUp = connected_ || connecting_;
  connected_ = false;
  connecting_ = false;
  nextAttemptAt_ = now + backoffMs_;
  backoffMs_ = backoffMs_ >= kMaxBackoffMs / 2 ? kMaxBackoffMs : backoffMs_ * 2;
  if (listener_ != nullptr && (wasUp || notice != StreamNotice::Disconnected)) listener_->onNotice(notice, status);
}

uint32_t RtdbStream::poll() {
  if (!active_) return 0;
  const uint32_t now = clock_.millis();
  if (!connected_ && !connecting_) {
    if (reconnectNow_ || static_cast<int32_t>(now - nextAttemptAt_) >= 0) connect(now);
    return 0;
  }
  if (connecting_) {
    const int32_t status = transport_.status();
    if (status >= 200 && status < 300) {
      connected_ = true;
      connecting_ = false;
      backoffMs_ = kMinBackoffMs;
      if (listener_ != nullptr) listener_->onNotice(StreamNotice::Connected, status);
    } else if (status >= 300) {
      // 401/403: the rules refuse this read; 404/5xx: wrong URL or server trouble. Retry later.
      scheduleReconnect(now, StreamNotice::Disconnected, status);
      return 0;
    }
  }
  delivered_ = 0;
  for (;;) {
    const size_t n = transport_.poll(chunk_, sizeof(chunk_));
    if (n == 0) break;
    lastByteAt_ = now;
    parser_.feed(chunk_, n, *this);
    if (!active_ || cancelled_) return delivered_;
    if (reconnectNow_) {
      scheduleReconnect(now, StreamNotice::AuthRevoked, transport_.status());
      nextAttemptAt_ = now;  // a revoked token is replaced at once, not after a back-off
      reconnectNow_ = true;
      return delivered_;
    }
  }
  const StreamState state = transport_.state();
  if (state == StreamState::Closed || state == StreamState::Failed) {
    scheduleReconnect(now, StreamNotice::Disconnected, transport_.status());
  } else if (static_cast<uint32_t>(now - lastByteAt_) >= idleTimeoutMs) {
    scheduleReconnect(now, StreamNotice::Disconnected, 0);
  }
  return delivered_;
}

void RtdbStream::onSseEvent(const char* event, const char* data, size_t dataLength) {
  if (listener_ == nullptr) return;
  if (std::strcmp(event, "keep-alive") == 0) return;
  if (std::strcmp(event, "cancel") == 0) {
    cancelled_ = true;
    stop();
    listener_->onNotice(StreamNotice::Cancelled, transport_.status());
    return;
  }
  if (std::strcmp(event, "auth_revoked") == 0) {
    reconnectNow_ = true;
    return;
  }
  const bool isPut = std::strcmp(event, "put") == 0;
  const bool isPatch = std::strcmp(event, "patch") == 0;
  if (!isPut && !isPatch) return;
  JsonDoc doc;
  std::string path;
  if (!doc.parse(data, dataLength) || !jsonString(doc.root(), "path", path)) {
    listener_->onNotice(StreamNotice::BadEvent, transport_.status());
    return;
  }
  const cJSON* value = cJSON_GetObjectItemCaseSensitive(doc.root(), "data");
  ++delivered_;
  listener_->onChange(isPut ? StreamEventKind::Put : StreamEventKind::Patch, path.c_str(), value);
}

void RtdbStream::onSseOverflow() {
  if (listener_ != nullptr) listener_->onNotice(StreamNotice::Overflow, transport_.status());
}

}  // namespace iotkit
