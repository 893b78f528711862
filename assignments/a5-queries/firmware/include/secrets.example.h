// Copy to include/secrets.h (git-ignored) and fill in. Same fields as the virtual device's
// config (docs/guides/firmware.md). Assignment 5 signs in at boot with the e-mail and password
// below, pushes the readings listed in "app", then runs the prefix query.
#pragma once

static const char* kWifiSsid = "your-wifi";
static const char* kWifiPassword = "your-password";
// Real Firebase: rtdbUrl https://<db>.firebaseio.com (or .firebasedatabase.app), authUrl
// https://identitytoolkit.googleapis.com. Local backend on your laptop: http://<laptop-ip>:9000
// and :9099 (start it with the LAN flag; see docs/guides/hardware.md).
// app.orderBy: the child to order by ("zone", "sensor", "label", or "$key" / "$value"); app.prefix:
// what the values must start with; app.readings: the batch pushed at boot (ir and ts are added);
// app.live: true keeps the query open as a stream (bonus).
static const char* kDeviceConfigJson = R"json({
  "rtdbUrl": "https://your-db.firebaseio.com",
  "authUrl": "https://identitytoolkit.googleapis.com",
  "apiKey": "your-web-api-key",
  "email": "device@example.com",
  "password": "device-password",
  "app": {
    "orderBy": "zone",
    "prefix": "lab",
    "readings": [
      { "sensor": "ir-desk", "zone": "lab-2", "label": "morning" },
      { "sensor": "ir-door", "zone": "hall", "label": "morning" },
      { "sensor": "ir-window", "zone": "lab-1", "label": "noon" }
    ]
  }
})json";
