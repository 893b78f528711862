// Copy to include/secrets.h (git-ignored) and fill in. Same fields as the virtual device's
// config (docs/guides/firmware.md); the password is NOT here: it is typed on the keypad.
#pragma once

static const char* kWifiSsid = "your-wifi";
static const char* kWifiPassword = "your-password";
// Real Firebase: rtdbUrl https://<db>.firebaseio.com (or .firebasedatabase.app), authUrl
// https://identitytoolkit.googleapis.com. Local backend on your laptop: http://<laptop-ip>:9000
// and :9099 (start it with the LAN flag; see docs/guides/hardware.md).
static const char* kDeviceConfigJson = R"json({
  "rtdbUrl": "https://your-db.firebaseio.com",
  "authUrl": "https://identitytoolkit.googleapis.com",
  "apiKey": "your-web-api-key",
  "email": "device@example.com",
  "app": { "mode": "local", "readingIntervalMs": 1000, "maxAttempts": 3, "lockoutMs": 30000 }
})json";
