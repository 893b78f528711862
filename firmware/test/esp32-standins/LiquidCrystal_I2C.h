// Stand-in: marcoschwartz/LiquidCrystal_I2C 1.1.4 LiquidCrystal_I2C.h (subset). Its pin macros
// (En, Rw, Rs) are what must not leak into code that includes the kit's adapter header.
#pragma once

#include <Print.h>
#include <inttypes.h>

#include <Arduino.h>

#define En B00000100
#define Rw B00000010
#define Rs B00000001

class LiquidCrystal_I2C : public Print {
 public:
  LiquidCrystal_I2C(uint8_t lcd_Addr, uint8_t lcd_cols, uint8_t lcd_rows);
  void begin(uint8_t cols, uint8_t rows, uint8_t charsize = 0);
  void clear();
  void home();
  void noBacklight();
  void backlight();
  void setCursor(uint8_t, uint8_t);
  size_t write(uint8_t) override;
  void init();
};
