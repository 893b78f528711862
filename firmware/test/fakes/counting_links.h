// Doubles for the platform's connection slots (an ESP32 socket cannot exist in a host test).
// They implement the same HttpLink / SocketLink interfaces as the ESP32 shim, advance a
// FakeClock by what each step would cost on a board, and count connects, TLS handshakes and
// requests, so tests can assert what the connection policy did and how long loop() blocked.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "fakes/fakes.h"
#include "iotkit/net/http_link.h"
#include "iotkit/net/socket_link.h"

namespace fakes {

/** What one step costs on the wire, in fake milliseconds. */
struct LinkCosts {
  uint32_t connectMs = 120;    // DNS + TCP on a LAN/Internet
  uint32_t handshakeMs = 900;  // an ESP32 TLS handshake
  uint32_t requestMs = 60;     // one request/response on an open connection
};

class CountingHttpLink : public iotkit::HttpLink {
 public:
  explicit CountingHttpLink(FakeClock& clock) : clock_(clock) {}

  iotkit::LinkError connect(const iotkit::Origin& origin, const iotkit::ConnectLimits& limits) override {
    ++connects;
    origins.push_back(origin);
    if (!reachable) {
      clock_.now += limits.connectTimeoutMs;  // the attempt runs into its timeout
      error = "connect timed out";
      return iotkit::LinkError::ConnectFailed;
    }
    clock_.now += costs.connectMs;
    if (origin.tls) {
      ++handshakes;
      clock_.now += costs.handshakeMs;
      if (rejectCertificate) {
        error = "X509 - Certificate verification failed, e.g. CRL, CA or signature check failed";
        return iotkit::LinkError::Tls;
      }
    }
    open_ = true;
    serverClosed_ = false;
    return iotkit::LinkError::None;
  }
  // A socket the server closed still looks open until it is used, exactly like lwIP's.
  bool connected() override { return open_; }
  iotkit::LinkError exchange(const iotkit::Origin&, const std::string& target, const iotkit::HttpRequest& request,
                             iotkit::HttpResponse& response) override {
    ++exchanges;
    targets.push_back(target);
    methods.push_back(request.method);
    if (serverClosed_ || dropNext > 0) {
      if (dropNext > 0) --dropNext;
      open_ = false;
      return iotkit::LinkError::Dropped;
    }
    clock_.now += costs.requestMs;
    response.status = 200;
    response.body = request.method == iotkit::HttpMethod::Post ? "{\"name\":\"-Nkey\"}" : "{}";
    return iotkit::LinkError::None;
  }
  void close() override {
    if (open_) ++closes;
    open_ = false;
  }
  const char* lastError() override { return error.c_str(); }

  /** The server closes the idle connection (keep-alive timeout); the client only sees it on use. */
  void serverClosesIdle() { serverClosed_ = true; }

  LinkCosts costs;
  bool reachable = true;
  bool rejectCertificate = false;
  int dropNext = 0;
  int connects = 0;
  int handshakes = 0;
  int exchanges = 0;
  int closes = 0;
  std::vector<iotkit::Origin> origins;
  std::vector<std::string> targets;
  std::vector<iotkit::HttpMethod> methods;
  std::string error;

 private:
  FakeClock& clock_;
  bool open_ = false;
  bool serverClosed_ = false;
};

class CountingSocketLink : public iotkit::SocketLink {
 public:
  explicit CountingSocketLink(FakeClock& clock) : clock_(clock) {}

  iotkit::LinkError connect(const iotkit::Origin& origin, const iotkit::ConnectLimits& limits) override {
    ++connects;
    origins.push_back(origin);
    if (!reachable) {
      clock_.now += limits.connectTimeoutMs;
      return iotkit::LinkError::ConnectFailed;
    }
    clock_.now += costs.connectMs;
    if (origin.tls) {
      ++handshakes;
      clock_.now += costs.handshakeMs;
    }
    open_ = true;
    return iotkit::LinkError::None;
  }
  bool connected() override { return open_; }
  size_t write(const char* data, size_t length) override {
    written.append(data, length);
    requests.push_back(std::string(data, length));
    // The server answers as soon as the request is complete.
    if (!replies.empty()) {
      incoming.append(replies.front());
      replies.pop_front();
    }
    return length;
  }
  size_t read(char* buffer, size_t capacity) override {
    size_t n = incoming.size() < capacity ? incoming.size() : capacity;
    if (n > maxChunk) n = maxChunk;
    std::memcpy(buffer, incoming.data(), n);
    incoming.erase(0, n);
    return n;
  }
  void close() override {
    if (open_) ++closes;
    open_ = false;
  }
  /** The server ends the connection (after whatever is still buffered). */
  void serverCloses() { open_ = false; }

  LinkCosts costs;
  bool reachable = true;
  size_t maxChunk = 1 << 20;
  int connects = 0;
  int handshakes = 0;
  int closes = 0;
  std::vector<iotkit::Origin> origins;
  std::vector<std::string> requests;
  std::deque<std::string> replies;
  std::string written;
  std::string incoming;

 private:
  FakeClock& clock_;
  bool open_ = false;
};

}  // namespace fakes
