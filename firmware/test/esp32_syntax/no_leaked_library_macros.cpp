// Compiled by the ESP32 syntax check: including the kit's ESP32 header must not bring in the
// Keypad / LiquidCrystal_I2C macros and names, so an app may use words like these freely.
#include <iotkit_esp32.h>

#if defined(OPEN) || defined(CLOSED) || defined(En) || defined(Rs) || defined(Rw) || defined(makeKeymap)
#error "a Keypad or LiquidCrystal_I2C macro leaked through iotkit_esp32.h"
#endif

enum class DoorState { OPEN, CLOSED, IDLE };
constexpr int En = 1;
constexpr int Rs = 2;

int leakProbe() { return static_cast<int>(DoorState::IDLE) + En + Rs; }
