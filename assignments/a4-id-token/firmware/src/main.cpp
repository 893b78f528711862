// ESP32 entry point (PlatformIO only; the virtual device uses platform/host's main()).
// Besides running the app it does two things only hardware needs: it sets the wall clock by NTP
// (the hand-over's expiresAt is a wall time), and it passes a hand-over line typed or sent on the
// serial port (`{"idToken": ..., "refreshToken": ..., "expiresAt": ...}`) to the app through NVS,
// the same store the app reads on a virtual device.
#include <iotkit_esp32.h>
#include <time.h>

#include <string>

#include "iotkit/auth/token_handoff.h"
#include "secrets.h"

static iotkit::esp32::Esp32Platform platform;
static iotkit::esp32::NvsStore handoffStore;
static std::string serialLine;

void setup() {
  serialLine.reserve(4096);
  handoffStore.begin();
  platform.begin(kWifiSsid, kWifiPassword, kDeviceConfigJson);
  configTime(0, 0, "pool.ntp.org", "time.google.com");
}

void loop() {
  while (Serial.available() > 0) {
    const char c = static_cast<char>(Serial.read());
    if (c == '\n' || c == '\r') {
      // Only a JSON object is a hand-over; the line itself is never echoed (it holds tokens).
      if (!serialLine.empty() && serialLine[0] == '{') handoffStore.put(iotkit::kTokenHandoffKey, serialLine.c_str());
      serialLine.clear();
    } else if (serialLine.size() < serialLine.capacity()) {
      serialLine.push_back(c);
    }
  }
  platform.loop();
}
