// `pnpm iotkit secrets aN` writes include/secrets.h (git-ignored) from this file, or copy it and
// fill it in. The config JSON has the same fields as the virtual device's --config file.
#pragma once

constexpr const char* kWifiSsid = "your-wifi";
constexpr const char* kWifiPassword = "your-password";
// Real Firebase: rtdbUrl https://<db>.firebaseio.com (or .firebasedatabase.app), authUrl
// https://identitytoolkit.googleapis.com. Local backend on your laptop: http://<laptop-ip>:9000
// and :9099 (`pnpm iotkit start --lan`; see docs/guides/hardware.md).
constexpr const char* kDeviceConfigJson = R"json({
  "rtdbUrl": "https://your-db.firebaseio.com",
  "authUrl": "https://identitytoolkit.googleapis.com",
  "apiKey": "your-web-api-key",
  "email": "device@example.com",
  "password": "device-password",
  "app": {}
})json";
