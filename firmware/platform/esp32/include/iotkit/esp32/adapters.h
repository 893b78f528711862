// Arduino adapters for the kit's interfaces. Each one is a thin wrapper over the Arduino
// library named in its comment; the logic lives in firmware/lib and is tested on the host.
// Compiled only by PlatformIO's esp32dev environment (never by the host CMake build).
#pragma once

#include <Arduino.h>
#include <ESP32Servo.h>
#include <Keypad.h>
#include <LiquidCrystal_I2C.h>
#include <Preferences.h>

#include <string>

#include "iotkit/app/app.h"
#include "iotkit/net/http_transport.h"

namespace iotkit::esp32 {

/** Pins of the reference wiring (docs/guides/hardware.md). */
struct Pins {
  uint8_t ir = 34;  // ADC1_CH6: ADC2 pins stop working once Wi-Fi is on
  uint8_t servo = 18;
  uint8_t lcdAddress = 0x27;  // SDA 21 / SCL 22 are the Wire defaults on esp32dev
  // Keypad rows/cols need internal pull-ups: GPIO 34-39 have none, so none of them here; the
  // strapping pins 0, 2, 12 and 15 are avoided too (a pressed key at reset could change boot).
  uint8_t rows[4] = {13, 14, 27, 26};
  uint8_t cols[4] = {25, 33, 32, 23};
};

/** analogRead on an ADC1 pin, 12-bit, 11 dB attenuation (0..~3.1 V). */
class AdcSensor : public Sensor {
 public:
  explicit AdcSensor(uint8_t pin) : pin_(pin) {}
  void begin();
  int32_t read() override { return analogRead(pin_); }

 private:
  uint8_t pin_;
};

/** chris--a/Keypad 4x4 matrix, scanned without blocking by getKey(). */
class MatrixKeypad : public iotkit::Keypad {
 public:
  explicit MatrixKeypad(const Pins& pins);
  char getKey() override;

 private:
  ::Keypad keypad_;
};

/** LiquidCrystal_I2C 16x2 (PCF8574 backpack). */
class I2cLcd : public Display {
 public:
  explicit I2cLcd(uint8_t address) : lcd_(address, 16, 2) {}
  void begin();
  void showLine(uint8_t row, const char* text) override;

 private:
  LiquidCrystal_I2C lcd_;
};

/** ESP32Servo on a LEDC-capable pin, 50 Hz, 500-2400 us. */
class ServoActuator : public Actuator {
 public:
  explicit ServoActuator(uint8_t pin) : pin_(pin) {}
  void begin();
  void write(int32_t angle) override;

 private:
  uint8_t pin_;
  Servo servo_;
};

class ArduinoClock : public Clock {
 public:
  uint32_t millis() override { return ::millis(); }
};

/** Preferences (NVS) namespace "iotkit": survives reboots, e.g. the refresh token. */
class NvsStore : public KeyValueStore {
 public:
  void begin() { prefs_.begin("iotkit", false); }
  bool get(const char* key, std::string& out) override;
  bool put(const char* key, const char* value) override;
  bool remove(const char* key) override { return prefs_.remove(key); }

 private:
  Preferences prefs_;
};

class SerialLogger : public Logger {
 public:
  void log(LogLevel level, const char* message) override;
};

/** HTTPClient over WiFiClientSecure (https) or WiFiClient (http), connection kept alive. */
class ArduinoHttp : public HttpTransport {
 public:
  /** `rootCa` null = no certificate check (setInsecure): fine for a course, not for production. */
  explicit ArduinoHttp(const char* rootCa = nullptr) : rootCa_(rootCa) {}
  TransportError send(const HttpRequest& request, HttpResponse& response) override;

 private:
  const char* rootCa_;
};

/** Raw socket SSE reader: sends the GET itself, follows one redirect, decodes chunked bodies. */
class ArduinoStream : public StreamTransport {
 public:
  explicit ArduinoStream(const char* rootCa = nullptr);
  ~ArduinoStream() override;
  TransportError open(const std::string& url) override;
  size_t poll(char* buffer, size_t capacity) override;
  StreamState state() override { return state_; }
  int32_t status() override { return status_; }
  void close() override;

 private:
  struct Impl;
  Impl* impl_;
  const char* rootCa_;
  StreamState state_ = StreamState::Idle;
  int32_t status_ = 0;
};

/** Wi-Fi station with non-blocking reconnect: 1 s, 2 s, 4 s ... 30 s between attempts. */
class WifiConnector {
 public:
  void begin(const char* ssid, const char* password);
  /** Call every loop; returns true while connected. */
  bool poll(Logger& log);

 private:
  const char* ssid_ = "";
  const char* password_ = "";
  uint32_t lastAttempt_ = 0;
  uint32_t backoffMs_ = 1000;
  bool wasConnected_ = false;
};

/** Stops calling the app's loop() and logs why (an ESP32 has no process to exit). */
class HaltRuntime : public Runtime {
 public:
  void requestExit(int32_t code) override {
    halted = true;
    exitCode = code;
  }
  bool halted = false;
  int32_t exitCode = 0;
};

}  // namespace iotkit::esp32
