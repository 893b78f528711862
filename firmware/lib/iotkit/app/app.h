// The contract between an app (an assignment's firmware) and a platform. A platform builds a
// Board from its adapters and calls setup() once and loop() forever — the Arduino sketch on the
// ESP32, platform/host's main() for a virtual device. loop() must return quickly: keep state in
// the app and compare Clock times instead of waiting.
#pragma once

#include <cstdint>

#include "iotkit/app/device_config.h"
#include "iotkit/hal/interfaces.h"
#include "iotkit/mqtt/mqtt_client.h"
#include "iotkit/net/http_transport.h"

namespace iotkit {

/** Lets an app stop the device (host: exit the process; ESP32: stop running loop()). */
class Runtime {
 public:
  virtual ~Runtime() = default;
  virtual void requestExit(int32_t code) = 0;
};

struct Board {
  Sensor& ir;
  Keypad& keypad;
  Display& lcd;
  Actuator& servo;
  Clock& clock;
  HttpTransport& http;
  StreamTransport& stream;
  KeyValueStore& store;
  Logger& log;
  Runtime& runtime;
  const DeviceConfig& config;
  /** MQTT client, or nullptr on a platform that was not given one (see Esp32Platform::useMqtt). */
  MqttClient* mqtt = nullptr;
};

class App {
 public:
  virtual ~App() = default;
  /** Short name reported in the host's boot event, e.g. "demo". */
  virtual const char* name() const = 0;
  virtual void setup(Board& board) = 0;
  virtual void loop(Board& board) = 0;
};

/** Every app defines this once (see IOTKIT_REGISTER_APP); the platform's entry point calls it. */
App& iotkitApp();

/** printf-style logging through a fixed 192-byte buffer (longer text is cut). */
void logf(Logger& logger, LogLevel level, const char* format, ...) __attribute__((format(printf, 3, 4)));

}  // namespace iotkit

/** Defines iotkit::iotkitApp() returning a static instance of `AppClass`. */
#define IOTKIT_REGISTER_APP(AppClass)      \
  namespace iotkit {                       \
  App& iotkitApp() {                       \
    static AppClass instance;              \
    return instance;                       \
  }                                        \
  }
