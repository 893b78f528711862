// Copy to include/secrets.h (git-ignored) and fill in. Same fields as the virtual device's
// config (docs/guides/firmware.md). There is NO e-mail, password or custom token here: the device
// gets an ID token and a refresh token from the provisioning tool over the serial port.
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
  "app": { "readingIntervalMs": 1000, "refreshMarginMs": 300000 }
})json";
