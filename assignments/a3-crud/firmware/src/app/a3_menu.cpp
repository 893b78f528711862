#include "a3_menu.h"

#include <cstdlib>

namespace a3 {

namespace {
// Four digits hold every value up to 4095; a fifth could only be out of range.
constexpr size_t kMaxDigits = 4;
}  // namespace

void Menu::showMenu() {
  screen_ = Screen::Menu;
  typed_.clear();
  tooBig_ = false;
}

MenuAction Menu::onKey(char key) {
  if (key == 'D') {
    showMenu();
    return MenuAction::Redraw;
  }
  switch (screen_) {
    case Screen::Menu:
    case Screen::Result:
      if (key == 'A') return MenuAction::Read;
      if (key == 'B') {
        screen_ = Screen::EnterThreshold;
        typed_.clear();
        tooBig_ = false;
        return MenuAction::Redraw;
      }
      if (key == 'C') {
        screen_ = Screen::ConfirmDelete;
        return MenuAction::Redraw;
      }
      if (key == '*' && screen_ == Screen::Result) {
        showMenu();
        return MenuAction::Redraw;
      }
      return MenuAction::None;
    case Screen::EnterThreshold:
      return onEntryKey(key);
    case Screen::ConfirmDelete:
      if (key == '#') return MenuAction::Delete;
      if (key == '*') {
        showMenu();
        return MenuAction::Redraw;
      }
      return MenuAction::None;
  }
  return MenuAction::None;
}

MenuAction Menu::onEntryKey(char key) {
  if (key >= '0' && key <= '9') {
    if (typed_.size() < kMaxDigits) typed_.push_back(key);
    tooBig_ = false;
    return MenuAction::Redraw;
  }
  if (key == '*') {
    if (typed_.empty()) {
      showMenu();
    } else {
      typed_.pop_back();
      tooBig_ = false;
    }
    return MenuAction::Redraw;
  }
  if (key == '#') {
    if (typed_.empty()) return MenuAction::None;
    const long value = std::strtol(typed_.c_str(), nullptr, 10);
    if (value > kMaxThreshold) {
      tooBig_ = true;
      return MenuAction::Redraw;
    }
    threshold_ = static_cast<int32_t>(value);
    return MenuAction::Update;
  }
  return MenuAction::None;
}

void Menu::render(iotkit::LcdText& lcd) const {
  switch (screen_) {
    case Screen::Menu:
      lcd.setLine(0, "A:Read B:Thresh");
      lcd.setLine(1, "C:Del oldest");
      break;
    case Screen::EnterThreshold:
      lcd.setLine(0, tooBig_ ? "Max 4095, again" : "New threshold:");
      lcd.setLinef(1, "> %s", typed_.c_str());
      break;
    case Screen::ConfirmDelete:
      lcd.setLine(0, "Delete oldest?");
      lcd.setLine(1, "#=yes *=no");
      break;
    case Screen::Result:
      break;
  }
}

}  // namespace a3
