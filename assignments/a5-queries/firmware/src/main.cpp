// ESP32 entry point (PlatformIO only; the virtual device uses platform/host's main()).
#include <iotkit_esp32.h>

#include "secrets.h"

static iotkit::esp32::Esp32Platform platform;

void setup() { platform.begin(kWifiSsid, kWifiPassword, kDeviceConfigJson); }

void loop() { platform.loop(); }
