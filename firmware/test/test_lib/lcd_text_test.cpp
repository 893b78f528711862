#include <gtest/gtest.h>

#include "../fakes/fakes.h"
#include "iotkit/lcd/lcd_text.h"

using iotkit::LcdText;

namespace {
std::string trimmed(const LcdText& lcd, uint8_t row) {
  char out[LcdText::kCols + 1];
  lcd.trimmedRow(row, out);
  return out;
}
}  // namespace

TEST(LcdText, RowsAreAlwaysSixteenColumns) {
  LcdText lcd;
  lcd.setLine(0, "IR 2048");
  EXPECT_STREQ(lcd.row(0), "IR 2048         ");
  EXPECT_STREQ(lcd.row(1), "                ");
}

TEST(LcdText, LongTextIsCut) {
  LcdText lcd;
  lcd.setLine(1, "0123456789ABCDEFGHIJ");
  EXPECT_STREQ(lcd.row(1), "0123456789ABCDEF");
}

TEST(LcdText, AlignRightAndCenter) {
  LcdText lcd;
  lcd.setLine(0, "90", LcdText::Align::Right);
  EXPECT_STREQ(lcd.row(0), "              90");
  lcd.setLine(1, "ok", LcdText::Align::Center);
  EXPECT_STREQ(lcd.row(1), "       ok       ");
}

TEST(LcdText, LabelValueKeepsTheValueAndCutsTheLabel) {
  LcdText lcd;
  lcd.setLabelValue(0, "Angle", "90");
  EXPECT_STREQ(lcd.row(0), "Angle         90");
  lcd.setLabelValue(1, "A very long label", "12345");
  EXPECT_STREQ(lcd.row(1), "A very lon 12345");
}

TEST(LcdText, NonAsciiBecomesQuestionMarks) {
  LcdText lcd;
  lcd.setLine(0, "caf\xC3\xA9\t!");
  EXPECT_EQ(trimmed(lcd, 0), "caf??" "?!");
}

TEST(LcdText, FormattedLine) {
  LcdText lcd;
  lcd.setLinef(0, "IR %d", 4095);
  EXPECT_EQ(trimmed(lcd, 0), "IR 4095");
}

TEST(LcdText, InvalidRowAndNullTextAreHarmless) {
  LcdText lcd;
  lcd.setLine(5, "x");
  lcd.setLine(0, nullptr);
  EXPECT_STREQ(lcd.row(5), "");
  EXPECT_EQ(trimmed(lcd, 0), "");
}

TEST(LcdText, FlushWritesOnlyChangedRows) {
  LcdText lcd;
  fakes::RecordingDisplay display;
  lcd.setLine(0, "a");
  EXPECT_EQ(lcd.flush(display), 2) << "first flush draws both rows";
  EXPECT_EQ(lcd.flush(display), 0);
  lcd.setLine(1, "b");
  EXPECT_EQ(lcd.flush(display), 1);
  ASSERT_EQ(display.writes.size(), 3u);
  EXPECT_EQ(display.writes[2].first, 1);
  EXPECT_EQ(display.writes[2].second, "b               ");
  lcd.setLine(1, "b");
  EXPECT_EQ(lcd.flush(display), 0) << "same text again is not a change";
}
