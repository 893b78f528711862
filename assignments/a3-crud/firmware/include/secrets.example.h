// Copy to include/secrets.h (git-ignored) and fill in. Same fields as the virtual device's
// config (docs/guides/firmware.md). Assignment 3 signs in at boot with the e-mail and password
// below; the keypad drives the menu.
#pragma once

static const char* kWifiSsid = "your-wifi";
static const char* kWifiPassword = "your-password";
// Real Firebase: rtdbUrl https://<db>.firebaseio.com (or .firebasedatabase.app), authUrl
// https://identitytoolkit.googleapis.com. Local backend on your laptop: http://<laptop-ip>:9000
// and :9099 (start it with the LAN flag; see docs/guides/hardware.md).
// app.target: leave it out to work on your own /devices/{uid}; another uid there shows what the
// rules do with a write to someone else's data.
static const char* kDeviceConfigJson = R"json({
  "rtdbUrl": "https://your-db.firebaseio.com",
  "authUrl": "https://identitytoolkit.googleapis.com",
  "apiKey": "your-web-api-key",
  "email": "device@example.com",
  "password": "device-password",
  "app": {}
})json";
