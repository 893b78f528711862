// Arduino adapters for the kit's device interfaces. Each one is a thin wrapper over the library
// named in its comment; the logic lives in firmware/lib and is tested on the host. The library
// objects live in the .cpp files, so their headers (and macros such as OPEN, CLOSED, En, Rs, Rw)
// never reach code that includes this one.
// Compiled only by PlatformIO's esp32dev environment (and syntax-checked by ctest on the host).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "iotkit/app/app.h"

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
  int32_t read() override;

 private:
  uint8_t pin_;
};

/** chris--a/Keypad 4x4 matrix, scanned without blocking by getKey(). */
class MatrixKeypad : public iotkit::Keypad {
 public:
  explicit MatrixKeypad(const Pins& pins);
  ~MatrixKeypad() override;
  char getKey() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/** LiquidCrystal_I2C 16x2 (PCF8574 backpack). */
class I2cLcd : public Display {
 public:
  explicit I2cLcd(uint8_t address);
  ~I2cLcd() override;
  void begin();
  void showLine(uint8_t row, const char* text) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/** ESP32Servo on a LEDC-capable pin, 50 Hz, 500-2400 us. */
class ServoActuator : public Actuator {
 public:
  explicit ServoActuator(uint8_t pin);
  ~ServoActuator() override;
  void begin();
  void write(int32_t angle) override;

 private:
  uint8_t pin_;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class ArduinoClock : public Clock {
 public:
  uint32_t millis() override;
};

/** Preferences (NVS) namespace "iotkit": survives reboots, e.g. the refresh token. */
class NvsStore : public KeyValueStore {
 public:
  NvsStore();
  ~NvsStore() override;
  void begin();
  bool get(const char* key, std::string& out) override;
  bool put(const char* key, const char* value) override;
  bool remove(const char* key) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class SerialLogger : public Logger {
 public:
  void log(LogLevel level, const char* message) override;
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
