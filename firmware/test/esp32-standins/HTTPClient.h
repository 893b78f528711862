// Stand-in: Arduino-ESP32 core 2.0.17 libraries/HTTPClient/src/HTTPClient.h (subset).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "WString.h"
#include "WiFiClient.h"
#include "WiFiClientSecure.h"

#define HTTPC_ERROR_CONNECTION_REFUSED (-1)
#define HTTPC_ERROR_SEND_HEADER_FAILED (-2)
#define HTTPC_ERROR_SEND_PAYLOAD_FAILED (-3)
#define HTTPC_ERROR_NOT_CONNECTED (-4)
#define HTTPC_ERROR_CONNECTION_LOST (-5)
#define HTTPC_ERROR_NO_STREAM (-6)
#define HTTPC_ERROR_NO_HTTP_SERVER (-7)
#define HTTPC_ERROR_TOO_LESS_RAM (-8)
#define HTTPC_ERROR_ENCODING (-9)
#define HTTPC_ERROR_STREAM_WRITE (-10)
#define HTTPC_ERROR_READ_TIMEOUT (-11)

typedef enum { HTTPC_DISABLE_FOLLOW_REDIRECTS, HTTPC_STRICT_FOLLOW_REDIRECTS, HTTPC_FORCE_FOLLOW_REDIRECTS } followRedirects_t;

class HTTPClient {
 public:
  HTTPClient();
  ~HTTPClient();
  bool begin(WiFiClient& client, String url);
  bool begin(WiFiClient& client, String host, uint16_t port, String uri = "/", bool https = false);
  void end(void);
  bool connected(void);
  void setReuse(bool reuse);
  void setUserAgent(const String& userAgent);
  void setConnectTimeout(int32_t connectTimeout);
  void setTimeout(uint16_t timeout);
  void setFollowRedirects(followRedirects_t follow);
  void useHTTP10(bool usehttp10 = true);
  int sendRequest(const char* type, String payload);
  int sendRequest(const char* type, uint8_t* payload = NULL, size_t size = 0);
  void addHeader(const String& name, const String& value, bool first = false, bool replace = true);
  void collectHeaders(const char* headerKeys[], const size_t headerKeysCount);
  String header(const char* name);
  bool hasHeader(const char* name);
  int getSize(void);
  String getString(void);
  static String errorToString(int error);
};
