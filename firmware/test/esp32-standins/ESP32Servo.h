// Stand-in: madhephaestus/ESP32Servo 3.0.6 src/ESP32Servo.h (subset). In this version Servo is
// a global class; later releases moved it into namespace esp32servo, which the adapter allows for.
#pragma once

#define MIN_PULSE_WIDTH 500
#define MAX_PULSE_WIDTH 2500

class Servo {
 public:
  Servo();
  int attach(int pin);
  int attach(int pin, int min, int max);
  void detach();
  void write(int value);
  void writeMicroseconds(int value);
  int read();
  bool attached();
  void setTimerWidth(int value);
  int readTimerWidth();
  void setPeriodHertz(int hertz);
};
