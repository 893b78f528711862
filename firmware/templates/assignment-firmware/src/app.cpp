// The assignment's firmware logic: one iotkit::App. The same file runs on the ESP32 (through
// src/main.cpp) and as the virtual device (through device.cmake). No Arduino include here.
#include "iotkit/app/app.h"
#include "iotkit/lcd/lcd_text.h"
#include "iotkit/mapping/mapping.h"

namespace {

class AssignmentApp : public iotkit::App {
 public:
  const char* name() const override { return "aN"; }
  void setup(iotkit::Board& board) override {
    lcd_.setLine(0, "hello");
    lcd_.flush(board.lcd);
  }
  void loop(iotkit::Board& board) override {
    const uint32_t now = board.clock.millis();
    if (now - last_ < 200) return;  // compare times, never delay()
    last_ = now;
    int32_t angle = 0;
    if (iotkit::mapReading(iotkit::Calibration{}, board.ir.read(), angle).status == iotkit::MapStatus::Ok) {
      board.servo.write(angle);
      lcd_.setLinef(1, "Angle %d", static_cast<int>(angle));
      lcd_.flush(board.lcd);
    }
  }

 private:
  iotkit::LcdText lcd_;
  uint32_t last_ = 0;
};

}  // namespace

IOTKIT_REGISTER_APP(AssignmentApp)
