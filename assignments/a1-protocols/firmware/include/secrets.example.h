// Copy to include/secrets.h (git-ignored) and fill in. Same fields as the virtual device's
// config (docs/guides/firmware.md). The broker is the kit's (pnpm start, on your laptop's LAN
// address) or any MQTT 3.1.1 broker, e.g. Debian's mosquitto.
#pragma once

static const char* kWifiSsid = "your-wifi";
static const char* kWifiPassword = "your-password";
static const char* kDeviceConfigJson = R"json({
  "rtdbUrl": "https://your-db.firebaseio.com",
  "authUrl": "https://identitytoolkit.googleapis.com",
  "apiKey": "your-web-api-key",
  "email": "device@example.com",
  "password": "device-password",
  "app": { "device": "a1-esp32", "mqttHost": "192.168.1.10", "mqttPort": 1883, "intervalMs": 1000, "http": true }
})json";
