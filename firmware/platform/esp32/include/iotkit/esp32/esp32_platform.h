#pragma once

#include "iotkit/app/app.h"
#include "iotkit/esp32/adapters.h"

namespace iotkit::esp32 {

/** Owns the adapters, builds the Board, and runs the registered app's setup()/loop(). */
class Esp32Platform {
 public:
  explicit Esp32Platform(const Pins& pins = Pins());
  /** Starts Serial, peripherals and Wi-Fi, parses the config JSON, then calls app.setup(). */
  void begin(const char* ssid, const char* password, const char* configJson);
  /** Keeps Wi-Fi up and calls app.loop() (unless the app halted). Never blocks. */
  void loop();

 private:
  Pins pins_;
  AdcSensor ir_;
  MatrixKeypad keypad_;
  I2cLcd lcd_;
  ServoActuator servo_;
  ArduinoClock clock_;
  ArduinoHttp http_;
  ArduinoStream stream_;
  NvsStore store_;
  SerialLogger log_;
  HaltRuntime runtime_;
  WifiConnector wifi_;
  DeviceConfig config_;
  Board board_;
  App* app_ = nullptr;
};

}  // namespace iotkit::esp32
