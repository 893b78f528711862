// Assignment 3's keypad menu: which screen is up, what the keys do, and the text of each menu
// screen. Pure logic (no I/O), given to students as is; the app runs the operation it asks for.
#pragma once

#include <cstdint>
#include <string>

#include "iotkit/lcd/lcd_text.h"

namespace a3 {

enum class Screen : uint8_t {
  /** "A:Read B:Thresh" / "C:Del oldest". */
  Menu,
  /** Typing a new threshold: digits, `*` deletes, `#` saves. */
  EnterThreshold,
  /** "Delete oldest?": `#` yes, `*` no. */
  ConfirmDelete,
  /** The outcome of the last operation stays up until the next key. */
  Result,
};

/** What the app must do after a key. */
enum class MenuAction : uint8_t { None, Redraw, Read, Update, Delete };

/** The highest threshold: the ESP32's ADC is 12-bit, like the readings it is compared with. */
constexpr int32_t kMaxThreshold = 4095;

class Menu {
 public:
  /** Handles one key ('0'-'9', '*', '#', 'A'-'D'); unknown keys do nothing. */
  MenuAction onKey(char key);
  /** The app calls this once it has put an operation's outcome on the LCD. */
  void showResult() { screen_ = Screen::Result; }
  /** Back to the main menu (e.g. after sign-in). */
  void showMenu();

  Screen screen() const { return screen_; }
  /** The digits typed on the threshold screen. */
  const std::string& typed() const { return typed_; }
  /** The threshold to save (valid when onKey returned MenuAction::Update). */
  int32_t threshold() const { return threshold_; }

  /** Draws the current menu screen; the Result screen is the app's and is left alone. */
  void render(iotkit::LcdText& lcd) const;

 private:
  MenuAction onEntryKey(char key);

  Screen screen_ = Screen::Menu;
  std::string typed_;
  int32_t threshold_ = 0;
  bool tooBig_ = false;
};

}  // namespace a3
