// `pio test -e native` runs this with PlatformIO's googletest; the host CMake build runs it
// through iotkit_add_tests() in device.cmake.
#include <gtest/gtest.h>

#include <string>

#include "../../src/app/a3_menu.h"

namespace {

a3::MenuAction press(a3::Menu& menu, const char* keys) {
  a3::MenuAction last = a3::MenuAction::None;
  for (const char* k = keys; *k != '\0'; ++k) last = menu.onKey(*k);
  return last;
}

std::string row(const iotkit::LcdText& lcd, uint8_t r) {
  char out[iotkit::LcdText::kCols + 1];
  lcd.trimmedRow(r, out);
  return out;
}

}  // namespace

TEST(A3Menu, StartsOnTheMenuScreen) {
  a3::Menu menu;
  iotkit::LcdText lcd;
  menu.render(lcd);
  EXPECT_EQ(menu.screen(), a3::Screen::Menu);
  EXPECT_EQ(row(lcd, 0), "A:Read B:Thresh");
  EXPECT_EQ(row(lcd, 1), "C:Del oldest");
}

TEST(A3Menu, AReadsAtOnce) {
  a3::Menu menu;
  EXPECT_EQ(menu.onKey('A'), a3::MenuAction::Read);
  menu.showResult();
  // From a result the next operation starts directly.
  EXPECT_EQ(menu.onKey('A'), a3::MenuAction::Read);
}

TEST(A3Menu, BTakesDigitsAndSavesOnHash) {
  a3::Menu menu;
  EXPECT_EQ(menu.onKey('B'), a3::MenuAction::Redraw);
  EXPECT_EQ(menu.screen(), a3::Screen::EnterThreshold);
  EXPECT_EQ(press(menu, "15*20"), a3::MenuAction::Redraw);
  EXPECT_EQ(menu.typed(), "120");
  iotkit::LcdText lcd;
  menu.render(lcd);
  EXPECT_EQ(row(lcd, 0), "New threshold:");
  EXPECT_EQ(row(lcd, 1), "> 120");
  EXPECT_EQ(menu.onKey('#'), a3::MenuAction::Update);
  EXPECT_EQ(menu.threshold(), 120);
}

TEST(A3Menu, ThresholdKeepsFourDigitsAndRefusesAbove4095) {
  a3::Menu menu;
  press(menu, "B99999");
  EXPECT_EQ(menu.typed(), "9999");
  EXPECT_EQ(menu.onKey('#'), a3::MenuAction::Redraw);
  EXPECT_EQ(menu.screen(), a3::Screen::EnterThreshold);
  iotkit::LcdText lcd;
  menu.render(lcd);
  EXPECT_EQ(row(lcd, 0), "Max 4095, again");
  press(menu, "****4095");
  EXPECT_EQ(menu.onKey('#'), a3::MenuAction::Update);
  EXPECT_EQ(menu.threshold(), 4095);
}

TEST(A3Menu, EmptyEntryIgnoresHashAndStarGoesBack) {
  a3::Menu menu;
  press(menu, "B");
  EXPECT_EQ(menu.onKey('#'), a3::MenuAction::None);
  EXPECT_EQ(menu.onKey('*'), a3::MenuAction::Redraw);
  EXPECT_EQ(menu.screen(), a3::Screen::Menu);
}

TEST(A3Menu, CAsksBeforeDeleting) {
  a3::Menu menu;
  EXPECT_EQ(menu.onKey('C'), a3::MenuAction::Redraw);
  iotkit::LcdText lcd;
  menu.render(lcd);
  EXPECT_EQ(row(lcd, 0), "Delete oldest?");
  EXPECT_EQ(menu.onKey('A'), a3::MenuAction::None);
  EXPECT_EQ(menu.onKey('*'), a3::MenuAction::Redraw);
  EXPECT_EQ(menu.screen(), a3::Screen::Menu);
  press(menu, "C");
  EXPECT_EQ(menu.onKey('#'), a3::MenuAction::Delete);
}

TEST(A3Menu, DAlwaysReturnsToTheMenu) {
  a3::Menu menu;
  press(menu, "B12");
  EXPECT_EQ(menu.onKey('D'), a3::MenuAction::Redraw);
  EXPECT_EQ(menu.screen(), a3::Screen::Menu);
  EXPECT_TRUE(menu.typed().empty());
  EXPECT_EQ(menu.onKey('#'), a3::MenuAction::None);
  EXPECT_EQ(menu.onKey('7'), a3::MenuAction::None);
}

#ifndef IOTKIT_GTEST_MAIN_LINKED
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
#endif
