#include "iotkit/esp32/esp32_platform.h"

namespace iotkit::esp32 {

Esp32Platform::Esp32Platform(const Pins& pins)
    : pins_(pins),
      ir_(pins.ir),
      keypad_(pins_),
      lcd_(pins.lcdAddress),
      servo_(pins.servo),
      board_{ir_, keypad_, lcd_, servo_, clock_, http_, stream_, store_, log_, runtime_, config_} {}

void Esp32Platform::begin(const char* ssid, const char* password, const char* configJson) {
  Serial.begin(115200);
  ir_.begin();
  lcd_.begin();
  servo_.begin();
  store_.begin();
  std::string problem;
  if (parseDeviceConfig(configJson, config_, problem) != ConfigStatus::Ok) {
    log_.log(LogLevel::Error, problem.c_str());
    runtime_.requestExit(1);
    return;
  }
  wifi_.begin(ssid, password);
  app_ = &iotkitApp();
  logf(log_, LogLevel::Info, "boot %s", app_->name());
  app_->setup(board_);
}

void Esp32Platform::loop() {
  wifi_.poll(log_);
  if (runtime_.halted || app_ == nullptr) return;
  app_->loop(board_);
  if (runtime_.halted) logf(log_, LogLevel::Error, "app stopped with code %d", static_cast<int>(runtime_.exitCode));
}

}  // namespace iotkit::esp32
