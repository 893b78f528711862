#include "iotkit/esp32/adapters.h"

#include <Arduino.h>
#include <ESP32Servo.h>
#include <Keypad.h>
#include <LiquidCrystal_I2C.h>
#include <Preferences.h>

// ESP32Servo up to 3.0.x declares a global Servo; later releases put it in namespace esp32servo.
// Naming the namespace here makes both spellings resolve, so a pin bump does not break the build.
namespace esp32servo {}
using namespace esp32servo;

namespace iotkit::esp32 {

namespace {
const char kKeymap[4][4] = {{'1', '2', '3', 'A'}, {'4', '5', '6', 'B'}, {'7', '8', '9', 'C'}, {'*', '0', '#', 'D'}};
}  // namespace

void AdcSensor::begin() {
  analogReadResolution(12);
  analogSetPinAttenuation(pin_, ADC_11db);
  if (pin_ < 32 || pin_ > 39) {
    Serial.printf("[warn] IR pin %u is not an ADC1 pin (32-39): ADC2 reads fail while Wi-Fi is on\n", pin_);
  }
}

int32_t AdcSensor::read() { return analogRead(pin_); }

struct MatrixKeypad::Impl {
  explicit Impl(const Pins& pins)
      : rows{pins.rows[0], pins.rows[1], pins.rows[2], pins.rows[3]},
        cols{pins.cols[0], pins.cols[1], pins.cols[2], pins.cols[3]},
        keypad(makeKeymap(kKeymap), rows, cols, 4, 4) {}
  // Keypad keeps the pin arrays by pointer, so they live next to it.
  byte rows[4];
  byte cols[4];
  ::Keypad keypad;
};

MatrixKeypad::MatrixKeypad(const Pins& pins) : impl_(new Impl(pins)) {}
MatrixKeypad::~MatrixKeypad() = default;

char MatrixKeypad::getKey() {
  const char key = impl_->keypad.getKey();  // non-blocking; NO_KEY is '\0'
  return key == NO_KEY ? 0 : key;
}

struct I2cLcd::Impl {
  explicit Impl(uint8_t address) : lcd(address, 16, 2) {}
  LiquidCrystal_I2C lcd;
};

I2cLcd::I2cLcd(uint8_t address) : impl_(new Impl(address)) {}
I2cLcd::~I2cLcd() = default;

void I2cLcd::begin() {
  impl_->lcd.init();  // also Wire.begin() on SDA 21 / SCL 22
  impl_->lcd.backlight();
  impl_->lcd.clear();
}

void I2cLcd::showLine(uint8_t row, const char* text) {
  impl_->lcd.setCursor(0, row);
  impl_->lcd.print(text);  // LcdText always hands over 16 padded columns, so old text is overwritten
}

struct ServoActuator::Impl {
  Servo servo;
};

ServoActuator::ServoActuator(uint8_t pin) : pin_(pin), impl_(new Impl()) {}
ServoActuator::~ServoActuator() = default;

void ServoActuator::begin() {
  impl_->servo.setPeriodHertz(50);
  impl_->servo.attach(pin_, 500, 2400);
}

void ServoActuator::write(int32_t angle) {
  // ESP32Servo treats values >= 500 as microseconds; clamp so an angle can never become one.
  impl_->servo.write(angle < 0 ? 0 : (angle > 180 ? 180 : static_cast<int>(angle)));
}

uint32_t ArduinoClock::millis() { return static_cast<uint32_t>(::millis()); }

struct NvsStore::Impl {
  Preferences prefs;
};

NvsStore::NvsStore() : impl_(new Impl()) {}
NvsStore::~NvsStore() = default;

void NvsStore::begin() { impl_->prefs.begin("iotkit", false); }

bool NvsStore::get(const char* key, std::string& out) {
  if (!impl_->prefs.isKey(key)) return false;
  out = impl_->prefs.getString(key).c_str();
  return true;
}

bool NvsStore::put(const char* key, const char* value) { return impl_->prefs.putString(key, value) > 0; }

bool NvsStore::remove(const char* key) { return impl_->prefs.remove(key); }

void SerialLogger::log(LogLevel level, const char* message) {
  Serial.printf("[%lu] %s: %s\n", static_cast<unsigned long>(::millis()), logLevelName(level), message);
}

}  // namespace iotkit::esp32
