#include "iotkit/host/virtual_board.h"

#include <chrono>
#include <thread>

namespace iotkit::host {

VirtualDisplay::VirtualDisplay(EventWriter& events) : events_(events) {}

void VirtualDisplay::showLine(uint8_t row, const char* text) {
  if (row >= LcdText::kRows) return;
  std::string line(text != nullptr ? text : "");
  if (line.size() > LcdText::kCols) line.resize(LcdText::kCols);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (rows_[row] != line) {
    rows_[row] = line;
    dirty_ = true;
  }
}

void VirtualDisplay::flushEvent() {
  if (!dirty_) return;
  dirty_ = false;
  if (everEmitted_ && rows_[0] == emitted_[0] && rows_[1] == emitted_[1]) return;
  everEmitted_ = true;
  emitted_[0] = rows_[0];
  emitted_[1] = rows_[1];
  events_.lcd(rows_[0].c_str(), rows_[1].c_str());
}

void VirtualServo::write(int32_t value) {
  int32_t angle = value < 0 ? 0 : (value > 180 ? 180 : value);
  if (angle == last_) return;
  last_ = angle;
  events_.servo(angle);
}

bool MemoryStore::get(const char* key, std::string& out) {
  const auto it = values_.find(key);
  if (it == values_.end()) return false;
  out = it->second;
  return true;
}

bool MemoryStore::put(const char* key, const char* value) {
  values_[key] = value;
  return true;
}

bool MemoryStore::remove(const char* key) { return values_.erase(key) > 0; }

TransportError RecordingTransport::send(const HttpRequest& request, HttpResponse& response) {
  const uint32_t started = clock_.millis();
  if (latencyMs_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latencyMs_));
  const TransportError error = inner_.send(request, response);
  events_.http(httpMethodName(request.method), request.url, response.status, clock_.millis() - started,
               error == TransportError::None ? "" : transportErrorName(error));
  return error;
}

TransportError RecordingStream::open(const std::string& url) {
  url_ = url;
  openedAt_ = clock_.millis();
  reported_ = false;
  const TransportError error = inner_.open(url);
  if (error != TransportError::None) {
    reported_ = true;
    events_.http("GET", url_, 0, 0, transportErrorName(error));
  }
  return error;
}

void RecordingStream::reportIfReady(StreamState state) {
  if (reported_) return;
  const int32_t status = inner_.status();
  if (status == 0 && state != StreamState::Failed && state != StreamState::Closed) return;
  reported_ = true;
  events_.http("GET", url_, status, clock_.millis() - openedAt_, state == StreamState::Failed ? "stream-failed" : "");
}

int32_t RecordingStream::status() {
  reportIfReady(StreamState::Connecting);
  return inner_.status();
}

StreamState RecordingStream::state() {
  const StreamState state = inner_.state();
  reportIfReady(state);
  return state;
}

}  // namespace iotkit::host
