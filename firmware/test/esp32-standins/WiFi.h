// Stand-in: Arduino-ESP32 core 2.0.17 libraries/WiFi/src/WiFi.h, WiFiType.h, WiFiGeneric.h,
// WiFiSTA.h (subset used by platform/esp32).
#pragma once

#include <stdint.h>

#include "IPAddress.h"
#include "WString.h"
#include "WiFiClient.h"

typedef enum {
  WL_NO_SHIELD = 255,
  WL_IDLE_STATUS = 0,
  WL_NO_SSID_AVAIL = 1,
  WL_SCAN_COMPLETED = 2,
  WL_CONNECTED = 3,
  WL_CONNECT_FAILED = 4,
  WL_CONNECTION_LOST = 5,
  WL_DISCONNECTED = 6
} wl_status_t;

typedef enum { WIFI_MODE_NULL = 0, WIFI_MODE_STA, WIFI_MODE_AP, WIFI_MODE_APSTA, WIFI_MODE_MAX } wifi_mode_t;
#define WIFI_OFF WIFI_MODE_NULL
#define WIFI_STA WIFI_MODE_STA

class WiFiClass {
 public:
  // WiFiGenericClass
  bool mode(wifi_mode_t);
  void persistent(bool persistent);
  static int hostByName(const char* aHostname, IPAddress& aResult);
  // WiFiSTAClass
  wl_status_t begin(const char* ssid, const char* passphrase = NULL, int32_t channel = 0, const uint8_t* bssid = NULL,
                    bool connect = true);
  bool reconnect();
  bool disconnect(bool wifioff = false, bool eraseap = false);
  bool isConnected();
  bool setAutoReconnect(bool autoReconnect);
  bool getAutoReconnect();
  static wl_status_t status();
  IPAddress localIP();
  int8_t RSSI();
};

extern WiFiClass WiFi;
