// Test doubles for the interfaces that cannot be real in a unit test: a settable clock, a
// transport that records requests and answers from a script, a stream fed by the test.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "iotkit/hal/interfaces.h"
#include "iotkit/net/http_transport.h"

namespace fakes {

class FakeClock : public iotkit::Clock {
 public:
  uint32_t millis() override { return now; }
  uint32_t now = 0;
};

struct ScriptedReply {
  int32_t status = 200;
  std::string body;
  std::string etag;
  iotkit::TransportError error = iotkit::TransportError::None;
};

class RecordingTransport : public iotkit::HttpTransport {
 public:
  iotkit::TransportError send(const iotkit::HttpRequest& request, iotkit::HttpResponse& response) override {
    requests.push_back(request);
    ScriptedReply reply;
    if (!replies.empty()) {
      reply = replies.front();
      replies.pop_front();
    }
    response.status = reply.error == iotkit::TransportError::None ? reply.status : 0;
    response.body = reply.body;
    response.etag = reply.etag;
    return reply.error;
  }
  void reply(int32_t status, const std::string& body, const std::string& etag = "") {
    replies.push_back(ScriptedReply{status, body, etag, iotkit::TransportError::None});
  }
  void fail(iotkit::TransportError error) { replies.push_back(ScriptedReply{0, "", "", error}); }

  std::vector<iotkit::HttpRequest> requests;
  std::deque<ScriptedReply> replies;
};

class FakeStream : public iotkit::StreamTransport {
 public:
  iotkit::TransportError open(const std::string& url) override {
    urls.push_back(url);
    if (failOpen) return iotkit::TransportError::ConnectFailed;
    streamState = iotkit::StreamState::Connecting;
    httpStatus = 0;
    pending.clear();
    return iotkit::TransportError::None;
  }
  size_t poll(char* buffer, size_t capacity) override {
    size_t n = pending.size() < capacity ? pending.size() : capacity;
    if (n > maxChunk) n = maxChunk;
    std::memcpy(buffer, pending.data(), n);
    pending.erase(0, n);
    return n;
  }
  iotkit::StreamState state() override { return streamState; }
  int32_t status() override { return httpStatus; }
  void close() override {
    ++closes;
    streamState = iotkit::StreamState::Closed;
  }
  void accept(int32_t status = 200) {
    httpStatus = status;
    streamState = iotkit::StreamState::Open;
  }

  std::vector<std::string> urls;
  std::string pending;
  size_t maxChunk = 1 << 20;
  iotkit::StreamState streamState = iotkit::StreamState::Idle;
  int32_t httpStatus = 0;
  int closes = 0;
  bool failOpen = false;
};

class MapStore : public iotkit::KeyValueStore {
 public:
  bool get(const char* key, std::string& out) override {
    auto it = values.find(key);
    if (it == values.end()) return false;
    out = it->second;
    return true;
  }
  bool put(const char* key, const char* value) override {
    values[key] = value;
    return true;
  }
  bool remove(const char* key) override { return values.erase(key) > 0; }
  std::map<std::string, std::string> values;
};

class RecordingDisplay : public iotkit::Display {
 public:
  void showLine(uint8_t row, const char* text) override { writes.emplace_back(row, text); }
  std::vector<std::pair<uint8_t, std::string>> writes;
};

}  // namespace fakes
