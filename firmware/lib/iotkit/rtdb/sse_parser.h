// Incremental Server-Sent Events parser (the WHATWG event-stream format the RTDB uses for
// streaming). Feed it bytes as they arrive, split anywhere — mid-line, mid-"\r\n", one byte at
// a time — and it calls the handler once per complete event. Buffers are sized once at
// construction; an event larger than the data limit is dropped and reported, never truncated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace iotkit {

class SseHandler {
 public:
  virtual ~SseHandler() = default;
  /** `event` is "message" when the stream gave no event name. `data` is NUL-terminated. */
  virtual void onSseEvent(const char* event, const char* data, size_t dataLength) = 0;
  /** An event's data exceeded the limit; the event was dropped. */
  virtual void onSseOverflow() {}
};

class SseParser {
 public:
  static constexpr size_t kMaxEventName = 31;
  static constexpr size_t kMaxLine = 64;  // field names longer than this are not SSE fields we use

  explicit SseParser(size_t maxDataBytes = 8192);

  void feed(const char* bytes, size_t length, SseHandler& handler);
  /** Forgets any partial line/event (e.g. after a reconnect). */
  void reset();

 private:
  enum class Part : uint8_t { Field, Value, SkipLine };

  void endOfLine(SseHandler& handler);
  void dispatch(SseHandler& handler);
  void takeValueByte(char c);

  size_t maxData_;
  std::string data_;
  std::string value_;
  char field_[kMaxLine + 1] = {};
  size_t fieldLength_ = 0;
  char event_[kMaxEventName + 1] = {};
  Part part_ = Part::Field;
  bool skipSpace_ = false;
  bool lastWasCr_ = false;
  bool overflow_ = false;
  bool hasData_ = false;
  bool lineHadColon_ = false;
};

}  // namespace iotkit
