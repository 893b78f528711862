#include "iotkit/esp32/network.h"

#include <Arduino.h>
#include <HTTPClient.h>
#include <WiFi.h>
#include <WiFiClientSecure.h>

#include "iotkit/app/app.h"
#include "tls_trust.h"

namespace iotkit::esp32 {

namespace {
LinkError fromHttpClientError(int code) {
  switch (code) {
    case HTTPC_ERROR_READ_TIMEOUT: return LinkError::Timeout;
    case HTTPC_ERROR_CONNECTION_REFUSED: return LinkError::ConnectFailed;
    // The request could not be written or the socket closed before a status line: on a kept
    // socket this is the server's idle close, which KeepAliveHttp retries once.
    default: return LinkError::Dropped;
  }
}

struct Sockets {
  explicit Sockets(const TlsSettings& settings) : tls(settings) {}
  const TlsSettings& tls;
  WiFiClientSecure secure;
  WiFiClient plain;
  WiFiClient* client = nullptr;
  char error[112] = "";

  LinkError connect(const Origin& origin, const ConnectLimits& limits) {
    close();
    WiFiClient& chosen = origin.tls ? static_cast<WiFiClient&>(secure) : plain;
    const LinkError result =
        connectBounded(chosen, origin.tls ? &secure : nullptr, origin, tls, limits, error, sizeof(error));
    if (result == LinkError::None) client = &chosen;
    return result;
  }
  bool connected() { return client != nullptr && client->connected(); }
  void close() {
    if (client != nullptr) client->stop();
    client = nullptr;
  }
};
}  // namespace

// --- HTTP: one HTTPClient per link, bound to a socket that outlives each request ---------------

struct Esp32HttpLink::Impl {
  explicit Impl(const TlsSettings& tls) : sockets(tls) {}
  Sockets sockets;
  HTTPClient http;
};

Esp32HttpLink::Esp32HttpLink(const TlsSettings& tls) : impl_(new Impl(tls)) {}
Esp32HttpLink::~Esp32HttpLink() = default;

LinkError Esp32HttpLink::connect(const Origin& origin, const ConnectLimits& limits) {
  const LinkError result = impl_->sockets.connect(origin, limits);
  if (result != LinkError::None) return result;
  // HTTPClient sees an open socket and reuses it; end() keeps it open while the server agrees.
  impl_->http.setReuse(true);
  impl_->http.setConnectTimeout(static_cast<int32_t>(limits.connectTimeoutMs));
  impl_->http.setTimeout(static_cast<uint16_t>(limits.responseTimeoutMs > 65535 ? 65535 : limits.responseTimeoutMs));
  return LinkError::None;
}

bool Esp32HttpLink::connected() { return impl_->sockets.connected(); }

LinkError Esp32HttpLink::exchange(const Origin& origin, const std::string& target, const HttpRequest& request,
                                  HttpResponse& response) {
  Impl& s = *impl_;
  // Without a live socket HTTPClient would silently open its own, unbounded by our policy.
  if (!s.sockets.connected()) return LinkError::Dropped;
  // Same host and port on every call, so HTTPClient never sees a "host change" and disconnects.
  s.http.begin(*s.sockets.client, origin.host.c_str(), origin.port, target.c_str(), origin.tls);
  static const char* kCollected[] = {"ETag"};
  s.http.collectHeaders(kCollected, 1);
  if (request.contentType != nullptr && request.contentType[0] != '\0') s.http.addHeader("Content-Type", request.contentType);
  if (request.wantEtag) s.http.addHeader("X-Firebase-ETag", "true");
  if (!request.ifMatch.empty()) s.http.addHeader("if-match", request.ifMatch.c_str());
  const int code = s.http.sendRequest(httpMethodName(request.method),
                                      reinterpret_cast<uint8_t*>(const_cast<char*>(request.body.data())),
                                      request.body.size());
  if (code <= 0) {
    s.http.end();
    return fromHttpClientError(code);
  }
  response.status = code;
  const String body = s.http.getString();
  response.body.assign(body.c_str(), body.length());
  response.etag = s.http.header("ETag").c_str();
  s.http.end();
  return LinkError::None;
}

void Esp32HttpLink::close() {
  impl_->http.end();
  impl_->sockets.close();
}

const char* Esp32HttpLink::lastError() { return impl_->sockets.error; }

// --- SSE: the raw socket, driven by SocketStream ----------------------------------------------

struct Esp32SocketLink::Impl {
  explicit Impl(const TlsSettings& tls) : sockets(tls) {}
  Sockets sockets;
};

Esp32SocketLink::Esp32SocketLink(const TlsSettings& tls) : impl_(new Impl(tls)) {}
Esp32SocketLink::~Esp32SocketLink() = default;

LinkError Esp32SocketLink::connect(const Origin& origin, const ConnectLimits& limits) {
  return impl_->sockets.connect(origin, limits);
}

bool Esp32SocketLink::connected() { return impl_->sockets.connected(); }

size_t Esp32SocketLink::write(const char* data, size_t length) {
  WiFiClient* client = impl_->sockets.client;
  return client == nullptr ? 0 : client->write(reinterpret_cast<const uint8_t*>(data), length);
}

size_t Esp32SocketLink::read(char* buffer, size_t capacity) {
  WiFiClient* client = impl_->sockets.client;
  if (client == nullptr) return 0;
  const int available = client->available();  // asking first keeps read() from waiting
  if (available <= 0) return 0;
  const size_t want = static_cast<size_t>(available) < capacity ? static_cast<size_t>(available) : capacity;
  const int n = client->read(reinterpret_cast<uint8_t*>(buffer), want);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

void Esp32SocketLink::close() { impl_->sockets.close(); }

const char* Esp32SocketLink::lastError() { return impl_->sockets.error; }

// --- Wi-Fi ---------------------------------------------------------------------------------------

namespace {
WifiLinkStatus linkStatus(wl_status_t status) {
  switch (status) {
    case WL_CONNECTED: return WifiLinkStatus::Connected;
    case WL_NO_SSID_AVAIL: return WifiLinkStatus::NoSsid;
    case WL_CONNECT_FAILED: return WifiLinkStatus::ConnectFailed;
    case WL_CONNECTION_LOST: return WifiLinkStatus::Lost;
    case WL_IDLE_STATUS: return WifiLinkStatus::Idle;
    default: return WifiLinkStatus::Disconnected;
  }
}
}  // namespace

void WifiConnector::begin(const char* ssid, const char* password, uint32_t now) {
  ssid_ = ssid;
  password_ = password;
  WiFi.persistent(false);  // credentials come from secrets.h, not flash
  WiFi.mode(WIFI_STA);
  WiFi.setAutoReconnect(true);
  WiFi.begin(ssid_, password_);
  policy_.started(now);
}

bool WifiConnector::poll(Logger& log, uint32_t now) {
  const WifiLinkStatus status = linkStatus(WiFi.status());
  const WifiAction action = policy_.poll(status, now);
  if (policy_.changed()) {
    if (policy_.connected()) {
      logf(log, LogLevel::Info, "wifi connected, address %s", WiFi.localIP().toString().c_str());
    } else {
      logf(log, LogLevel::Warn, "wifi %s", wifiLinkStatusName(status));
    }
  }
  if (action == WifiAction::Begin) {
    logf(log, LogLevel::Warn, "wifi %s: trying \"%s\" again (next try in %lu s)", wifiLinkStatusName(status), ssid_,
         static_cast<unsigned long>(policy_.backoffMs() / 1000));
    WiFi.disconnect();
    WiFi.begin(ssid_, password_);
  }
  return policy_.connected();
}

}  // namespace iotkit::esp32
