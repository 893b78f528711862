// Stand-in: chris--a/Keypad 3.1.1 src/Keypad.h (subset).
#pragma once

#include "Key.h"

#define makeKeymap(x) ((char*)x)
#define LIST_MAX 10

typedef char KeypadEvent;

typedef struct {
  byte rows;
  byte columns;
} KeypadSize;

class Keypad : public Key {
 public:
  Keypad(char* userKeymap, byte* row, byte* col, byte numRows, byte numCols);
  char getKey();
  bool getKeys();
  KeyState getState();
  void setDebounceTime(uint);
  void setHoldTime(uint);
};
