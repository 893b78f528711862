#include "iotkit/lcd/lcd_text.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace iotkit {

namespace {

char printable(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 0x20 && u < 0x7F) ? c : '?';
}

}  // namespace

LcdText::LcdText() {
  clear();
  for (uint8_t r = 0; r < kRows; ++r) {
    std::memset(shown_[r], 0, sizeof(shown_[r]));
    everShown_[r] = false;
  }
}

void LcdText::clear() {
  for (uint8_t r = 0; r < kRows; ++r) {
    std::memset(rows_[r], ' ', kCols);
    rows_[r][kCols] = '\0';
  }
}

void LcdText::setLine(uint8_t row, const char* text, Align align) {
  if (row >= kRows) return;
  if (text == nullptr) text = "";
  char* dst = rows_[row];
  std::memset(dst, ' ', kCols);
  size_t len = std::strlen(text);
  if (len > kCols) len = kCols;
  size_t start = 0;
  if (align == Align::Right) start = kCols - len;
  if (align == Align::Center) start = (kCols - len) / 2;
  for (size_t i = 0; i < len; ++i) dst[start + i] = printable(text[i]);
}

void LcdText::setLabelValue(uint8_t row, const char* label, const char* value) {
  if (row >= kRows) return;
  if (label == nullptr) label = "";
  if (value == nullptr) value = "";
  char* dst = rows_[row];
  std::memset(dst, ' ', kCols);
  size_t valueLen = std::strlen(value);
  if (valueLen > kCols) valueLen = kCols;
  // Keep one space between label and value when the label is shown at all.
  const size_t room = valueLen >= kCols ? 0 : kCols - valueLen - 1;
  size_t labelLen = std::strlen(label);
  if (labelLen > room) labelLen = room;
  for (size_t i = 0; i < labelLen; ++i) dst[i] = printable(label[i]);
  for (size_t i = 0; i < valueLen; ++i) dst[kCols - valueLen + i] = printable(value[i]);
}

void LcdText::setLinef(uint8_t row, const char* format, ...) {
  char buffer[kCols * 2 + 1];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  setLine(row, buffer);
}

const char* LcdText::row(uint8_t row) const { return row < kRows ? rows_[row] : ""; }

void LcdText::trimmedRow(uint8_t row, char* out) const {
  if (row >= kRows) {
    out[0] = '\0';
    return;
  }
  std::memcpy(out, rows_[row], kCols + 1);
  size_t end = kCols;
  while (end > 0 && out[end - 1] == ' ') --end;
  out[end] = '\0';
}

uint8_t LcdText::flush(Display& display) {
  uint8_t written = 0;
  for (uint8_t r = 0; r < kRows; ++r) {
    if (everShown_[r] && std::memcmp(shown_[r], rows_[r], kCols) == 0) continue;
    display.showLine(r, rows_[r]);
    std::memcpy(shown_[r], rows_[r], kCols + 1);
    everShown_[r] = true;
    ++written;
  }
  return written;
}

}  // namespace iotkit
