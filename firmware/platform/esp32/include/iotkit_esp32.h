// One include for an assignment's src/main.cpp on the ESP32:
//
//   #include <iotkit_esp32.h>
//   #include "secrets.h"            // kWifiSsid, kWifiPassword, kDeviceConfigJson (not committed)
//   static iotkit::esp32::Esp32Platform platform;
//   void setup() { platform.begin(kWifiSsid, kWifiPassword, kDeviceConfigJson); }
//   void loop() { platform.loop(); }
//
// The app itself is the same source the virtual device runs (IOTKIT_REGISTER_APP).
#pragma once

// The sketch entry point is Arduino code: Serial, millis() and configTime() are expected here.
// The Keypad / LCD / servo library headers stay inside the adapters' .cpp files.
#include <Arduino.h>

#include "iotkit/esp32/adapters.h"
#include "iotkit/esp32/esp32_platform.h"
#include "iotkit/esp32/pubsub_mqtt.h"
