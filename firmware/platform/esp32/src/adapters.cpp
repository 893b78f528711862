#include "iotkit/esp32/adapters.h"

#include <HTTPClient.h>
#include <WiFi.h>
#include <WiFiClientSecure.h>

namespace iotkit::esp32 {

namespace {
const char kKeymap[4][4] = {{'1', '2', '3', 'A'}, {'4', '5', '6', 'B'}, {'7', '8', '9', 'C'}, {'*', '0', '#', 'D'}};
}  // namespace

void AdcSensor::begin() {
  analogReadResolution(12);
  analogSetPinAttenuation(pin_, ADC_11db);
  if (pin_ < 32 || pin_ > 39) {
    Serial.printf("[warn] IR pin %u is not an ADC1 pin (32-39): ADC2 reads fail while Wi-Fi is on\n", pin_);
  }
}

MatrixKeypad::MatrixKeypad(const Pins& pins)
    : keypad_(makeKeymap(kKeymap), const_cast<byte*>(pins.rows), const_cast<byte*>(pins.cols), 4, 4) {}

char MatrixKeypad::getKey() {
  const char key = keypad_.getKey();  // non-blocking; NO_KEY is '\0'
  return key == NO_KEY ? 0 : key;
}

void I2cLcd::begin() {
  lcd_.init();  // also Wire.begin() on SDA 21 / SCL 22
  lcd_.backlight();
  lcd_.clear();
}

void I2cLcd::showLine(uint8_t row, const char* text) {
  lcd_.setCursor(0, row);
  lcd_.print(text);  // LcdText always hands over 16 padded columns, so old text is overwritten
}

void ServoActuator::begin() {
  servo_.setPeriodHertz(50);
  servo_.attach(pin_, 500, 2400);
}

void ServoActuator::write(int32_t angle) {
  // ESP32Servo treats values >= 500 as microseconds; clamp so an angle can never become one.
  servo_.write(angle < 0 ? 0 : (angle > 180 ? 180 : angle));
}

bool NvsStore::get(const char* key, std::string& out) {
  if (!prefs_.isKey(key)) return false;
  out = prefs_.getString(key).c_str();
  return true;
}

bool NvsStore::put(const char* key, const char* value) { return prefs_.putString(key, value) > 0; }

void SerialLogger::log(LogLevel level, const char* message) {
  Serial.printf("[%lu] %s: %s\n", static_cast<unsigned long>(::millis()), logLevelName(level), message);
}

TransportError ArduinoHttp::send(const HttpRequest& request, HttpResponse& response) {
  response.reset();
  static WiFiClientSecure secure;
  static WiFiClient plain;
  static bool secureReady = false;
  static std::string lastOrigin;
  const bool https = request.url.rfind("https://", 0) == 0;
  // HTTPClient reuses whatever connection the client still holds, whichever host it is: drop it
  // when the origin changes (Auth and RTDB live on different hosts).
  const size_t originEnd = request.url.find('/', request.url.find("://") + 3);
  const std::string origin = request.url.substr(0, originEnd);
  if (origin != lastOrigin) {
    secure.stop();
    plain.stop();
    lastOrigin = origin;
  }
  if (https && !secureReady) {
    if (rootCa_ != nullptr) secure.setCACert(rootCa_); else secure.setInsecure();
    secureReady = true;
  }
  HTTPClient http;
  http.setReuse(true);
  http.setTimeout(10000);
  http.setConnectTimeout(5000);
  if (!http.begin(https ? static_cast<WiFiClient&>(secure) : plain, request.url.c_str())) {
    return TransportError::ConnectFailed;
  }
  const char* etagHeader[] = {"ETag"};
  http.collectHeaders(etagHeader, 1);
  if (request.contentType != nullptr && request.contentType[0] != '\0') http.addHeader("Content-Type", request.contentType);
  if (request.wantEtag) http.addHeader("X-Firebase-ETag", "true");
  if (!request.ifMatch.empty()) http.addHeader("if-match", request.ifMatch.c_str());
  const int code = http.sendRequest(httpMethodName(request.method),
                                    reinterpret_cast<uint8_t*>(const_cast<char*>(request.body.data())),
                                    request.body.size());
  if (code <= 0) {
    http.end();
    return code == HTTPC_ERROR_READ_TIMEOUT ? TransportError::Timeout : TransportError::ConnectFailed;
  }
  response.status = code;
  response.body = http.getString().c_str();
  response.etag = http.header("ETag").c_str();
  http.end();
  return TransportError::None;
}

void WifiConnector::begin(const char* ssid, const char* password) {
  ssid_ = ssid;
  password_ = password;
  WiFi.mode(WIFI_STA);
  WiFi.setAutoReconnect(true);
  WiFi.begin(ssid_, password_);
  lastAttempt_ = ::millis();
}

bool WifiConnector::poll(Logger& log) {
  const bool connected = WiFi.status() == WL_CONNECTED;
  if (connected != wasConnected_) {
    log.log(connected ? LogLevel::Info : LogLevel::Warn, connected ? "wifi connected" : "wifi lost");
    wasConnected_ = connected;
    if (connected) backoffMs_ = 1000;
  }
  if (connected) return true;
  const uint32_t now = ::millis();
  if (now - lastAttempt_ >= backoffMs_) {
    WiFi.disconnect();
    WiFi.begin(ssid_, password_);
    lastAttempt_ = now;
    backoffMs_ = backoffMs_ >= 15000 ? 30000 : backoffMs_ * 2;
  }
  return false;
}

}  // namespace iotkit::esp32
