// The virtual ESP32's peripherals: they hold what the inputs set (IR value, queued keys) and
// report what the app drives (LCD rows, servo angle, HTTP exchanges, logs) as JSON-line events.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>

#include "iotkit/app/app.h"
#include "iotkit/host/event_writer.h"
#include "iotkit/lcd/lcd_text.h"

namespace iotkit::host {

class VirtualSensor : public Sensor {
 public:
  int32_t read() override { return value_; }
  void set(int32_t value) { value_ = value; }

 private:
  int32_t value_ = 0;
};

class VirtualKeypad : public Keypad {
 public:
  char getKey() override {
    if (keys_.empty()) return 0;
    const char key = keys_.front();
    keys_.pop_front();
    return key;
  }
  void push(char key) { keys_.push_back(key); }

 private:
  std::deque<char> keys_;
};

/** Collects row writes and emits one `lcd` event per loop() in which the text changed. */
class VirtualDisplay : public Display {
 public:
  explicit VirtualDisplay(EventWriter& events);
  void showLine(uint8_t row, const char* text) override;
  void flushEvent();

 private:
  EventWriter& events_;
  std::string rows_[LcdText::kRows];
  std::string emitted_[LcdText::kRows];
  bool dirty_ = false;
  bool everEmitted_ = false;
};

class VirtualServo : public Actuator {
 public:
  explicit VirtualServo(EventWriter& events) : events_(events) {}
  /** Like ESP32Servo::write: angles are clamped to 0..180; repeats of the same angle are quiet. */
  void write(int32_t value) override;

 private:
  EventWriter& events_;
  int32_t last_ = -1;
};

class MemoryStore : public KeyValueStore {
 public:
  bool get(const char* key, std::string& out) override;
  bool put(const char* key, const char* value) override;
  bool remove(const char* key) override;

 private:
  std::map<std::string, std::string> values_;
};

class EventLogger : public Logger {
 public:
  explicit EventLogger(EventWriter& events) : events_(events) {}
  void log(LogLevel level, const char* message) override { events_.log(level, message); }

 private:
  EventWriter& events_;
};

/**
 * Decorates a transport: every exchange becomes an `http` event (auth= redacted). With
 * `latencyMs` > 0 each request is held back that long first, simulating a slow network the way
 * the ESP32's blocking HTTPClient would experience it.
 */
class RecordingTransport : public HttpTransport {
 public:
  RecordingTransport(HttpTransport& inner, Clock& clock, EventWriter& events, uint32_t latencyMs = 0)
      : inner_(inner), clock_(clock), events_(events), latencyMs_(latencyMs) {}
  TransportError send(const HttpRequest& request, HttpResponse& response) override;

 private:
  HttpTransport& inner_;
  Clock& clock_;
  EventWriter& events_;
  uint32_t latencyMs_;
};

/** Decorates a stream: reports the opening GET once its status is known. */
class RecordingStream : public StreamTransport {
 public:
  RecordingStream(StreamTransport& inner, Clock& clock, EventWriter& events)
      : inner_(inner), clock_(clock), events_(events) {}
  TransportError open(const std::string& url) override;
  size_t poll(char* buffer, size_t capacity) override { return inner_.poll(buffer, capacity); }
  StreamState state() override;
  int32_t status() override;
  void close() override { inner_.close(); }

 private:
  void reportIfReady(StreamState state);
  StreamTransport& inner_;
  Clock& clock_;
  EventWriter& events_;
  std::string url_;
  uint32_t openedAt_ = 0;
  bool reported_ = true;
};

}  // namespace iotkit::host
