// Small hardware/platform interfaces the portable logic is written against. Each one has an
// ESP32 implementation (platform/esp32) and a host implementation (platform/host); tests use
// fakes. Nothing here includes a platform header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace iotkit {

/** A raw analog reading source, e.g. the IR sensor on an ADC1 pin (0..4095). */
class Sensor {
 public:
  virtual ~Sensor() = default;
  virtual int32_t read() = 0;
};

/** Non-blocking key source: returns the next key ('0'-'9', '*', '#', 'A'-'D') or 0 if none. */
class Keypad {
 public:
  virtual ~Keypad() = default;
  virtual char getKey() = 0;
};

/** A 16x2 character display. `row` text is exactly what should be visible (<= 16 chars). */
class Display {
 public:
  virtual ~Display() = default;
  virtual void showLine(uint8_t row, const char* text) = 0;
};

/** Something that takes a position, e.g. a servo angle in degrees. */
class Actuator {
 public:
  virtual ~Actuator() = default;
  virtual void write(int32_t value) = 0;
};

/**
 * Monotonic milliseconds since boot. 32-bit like Arduino's millis(): it wraps after ~49 days,
 * so compare times with unsigned subtraction (`now - start >= interval`), never `now >= end`.
 */
class Clock {
 public:
  virtual ~Clock() = default;
  virtual uint32_t millis() = 0;
};

/** Small persistent key/value store (ESP32 Preferences / a file on the host). */
class KeyValueStore {
 public:
  virtual ~KeyValueStore() = default;
  virtual bool get(const char* key, std::string& out) = 0;
  virtual bool put(const char* key, const char* value) = 0;
  virtual bool remove(const char* key) = 0;
};

enum class LogLevel : uint8_t { Debug, Info, Warn, Error };

/** Where an app's log lines go (Serial on the ESP32, JSON lines on the host). */
class Logger {
 public:
  virtual ~Logger() = default;
  virtual void log(LogLevel level, const char* message) = 0;
};

const char* logLevelName(LogLevel level);

}  // namespace iotkit
