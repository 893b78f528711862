#pragma once

#include <string>

#include "iotkit/app/app.h"
#include "iotkit/esp32/adapters.h"
#include "iotkit/esp32/network.h"
#include "iotkit/net/connect_gate.h"
#include "iotkit/net/keep_alive_http.h"
#include "iotkit/net/socket_stream.h"
#include "iotkit/net/tls_settings.h"

namespace iotkit::esp32 {

/** Owns the adapters, builds the Board, and runs the registered app's setup()/loop(). */
class Esp32Platform {
 public:
  explicit Esp32Platform(const Pins& pins = Pins());
  /**
   * Starts Serial and the peripherals, checks the config JSON (including its `tls` object), then
   * Wi-Fi and app.setup(). A config problem is shown on the LCD and stops there: no Wi-Fi calls.
   */
  void begin(const char* ssid, const char* password, const char* configJson);
  /** Keeps Wi-Fi up and calls app.loop() (unless the app halted). Blocks for at most one connect. */
  void loop();
  /** Hands the app an MQTT client (Board::mqtt), e.g. a PubSubMqtt; call before begin(). */
  void useMqtt(MqttClient& client) { board_.mqtt = &client; }

 private:
  void stopWithConfigError(const char* lcdLine, const std::string& detail);
  void logLinkErrors();

  Pins pins_;
  AdcSensor ir_;
  MatrixKeypad keypad_;
  I2cLcd lcd_;
  ServoActuator servo_;
  ArduinoClock clock_;
  ConnectLimits limits_;
  ConnectGate gate_;
  TlsSettings tls_;
  Esp32HttpLink databaseLink_;
  Esp32HttpLink authLink_;
  Esp32SocketLink streamLink_;
  KeepAliveHttp http_;
  SocketStream stream_;
  NvsStore store_;
  SerialLogger log_;
  HaltRuntime runtime_;
  WifiConnector wifi_;
  DeviceConfig config_;
  Board board_;
  App* app_ = nullptr;
  bool configError_ = false;
  std::string loggedHttpError_;
  std::string loggedStreamError_;
};

}  // namespace iotkit::esp32
