// Stand-in: chris--a/Keypad 3.1.1 src/Key.h (subset). Its macros and enum are what must not
// leak into code that includes the kit's adapter header.
#pragma once

#include <Arduino.h>

#define OPEN LOW
#define CLOSED HIGH

typedef unsigned int uint;
typedef enum { IDLE, PRESSED, HOLD, RELEASED } KeyState;

const char NO_KEY = '\0';

class Key {
 public:
  char kchar;
  int kcode;
  KeyState kstate;
  boolean stateChanged;
  Key();
  Key(char userKeyChar);
};
