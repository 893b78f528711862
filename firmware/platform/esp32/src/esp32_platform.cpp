#include "iotkit/esp32/esp32_platform.h"

#include <Arduino.h>

#include <cstdio>

namespace iotkit::esp32 {

Esp32Platform::Esp32Platform(const Pins& pins)
    : pins_(pins),
      ir_(pins.ir),
      keypad_(pins_),
      lcd_(pins.lcdAddress),
      servo_(pins.servo),
      gate_(clock_, limits_),
      databaseLink_(tls_),
      authLink_(tls_),
      streamLink_(tls_),
      http_(databaseLink_, authLink_, gate_),
      stream_(streamLink_, gate_),
      board_{ir_, keypad_, lcd_, servo_, clock_, http_, stream_, store_, log_, runtime_, config_} {}

void Esp32Platform::stopWithConfigError(const char* lcdLine, const std::string& detail) {
  configError_ = true;
  lcd_.showLine(0, "Config error    ");
  char line[17];
  std::snprintf(line, sizeof(line), "%-16.16s", lcdLine);
  lcd_.showLine(1, line);
  logf(log_, LogLevel::Error, "config error: %s (fix include/secrets.h, e.g. with `pnpm iotkit secrets`)",
       detail.c_str());
  runtime_.requestExit(1);
}

void Esp32Platform::begin(const char* ssid, const char* password, const char* configJson) {
  Serial.begin(115200);
  ir_.begin();
  lcd_.begin();
  servo_.begin();
  store_.begin();
  std::string problem;
  if (ssid == nullptr || ssid[0] == '\0') return stopWithConfigError("Wi-Fi SSID empty", "the Wi-Fi SSID is empty");
  if (parseDeviceConfig(configJson, config_, problem) != ConfigStatus::Ok) {
    return stopWithConfigError("see serial log", problem);
  }
  if (!parseTlsSettings(configJson, tls_, problem)) return stopWithConfigError("tls setting", problem);
  if (tls_.trust == TlsTrust::Insecure) {
    log_.log(LogLevel::Warn,
             "TLS certificates are NOT verified (config tls.insecure): anyone on the network path can read and "
             "change this device's traffic. Remove it once the device works.");
  } else {
    logf(log_, LogLevel::Info, "TLS: %s", tlsTrustName(tls_.trust));
  }
  http_.keepAliveFor(config_.rtdbUrl);
  wifi_.begin(ssid, password, clock_.millis());
  app_ = &iotkitApp();
  logf(log_, LogLevel::Info, "boot %s", app_->name());
  app_->setup(board_);
}

// Connection failures are decided in lib/; the reason (e.g. the mbedTLS text) is logged here,
// once per change, so the serial monitor says why requests fail.
void Esp32Platform::logLinkErrors() {
  const char* httpError = http_.lastError();
  if (httpError[0] != '\0' && loggedHttpError_ != httpError) {
    loggedHttpError_ = httpError;
    logf(log_, LogLevel::Warn, "http: %s", httpError);
  }
  const char* streamError = stream_.lastError();
  if (streamError[0] != '\0' && loggedStreamError_ != streamError) {
    loggedStreamError_ = streamError;
    logf(log_, LogLevel::Warn, "stream: %s", streamError);
  }
}

void Esp32Platform::loop() {
  if (configError_) return;  // the LCD says what is wrong; no Wi-Fi calls until it is fixed
  wifi_.poll(log_, clock_.millis());
  if (runtime_.halted || app_ == nullptr) return;
  app_->loop(board_);
  logLinkErrors();
  if (runtime_.halted) logf(log_, LogLevel::Error, "app stopped with code %d", static_cast<int>(runtime_.exitCode));
}

}  // namespace iotkit::esp32
