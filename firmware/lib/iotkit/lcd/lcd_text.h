// Text layout for a 16x2 character LCD: fixed buffers, no allocation. Rows are padded to 16
// columns; text that is too long is cut (with an optional '~' marker), bytes the HD44780 cannot
// show (non-ASCII, control characters) become '?'. `flush` only redraws rows that changed,
// because each I2C row write takes milliseconds on the real display.
#pragma once

#include <cstddef>
#include <cstdint>

#include "iotkit/hal/interfaces.h"

namespace iotkit {

class LcdText {
 public:
  static constexpr uint8_t kCols = 16;
  static constexpr uint8_t kRows = 2;

  enum class Align : uint8_t { Left, Center, Right };

  LcdText();

  /** Sets a row's text. Rows >= kRows are ignored. */
  void setLine(uint8_t row, const char* text, Align align = Align::Left);
  /** `label` on the left, `value` right-aligned; the label is cut first if both do not fit. */
  void setLabelValue(uint8_t row, const char* label, const char* value);
  /** printf-style into a row (snprintf into the fixed buffer, then laid out). */
  void setLinef(uint8_t row, const char* format, ...) __attribute__((format(printf, 3, 4)));
  void clear();

  /** The 16-column row, always exactly kCols characters (padded with spaces). */
  const char* row(uint8_t row) const;
  /** The row without trailing spaces, written into `out` (>= kCols + 1 bytes). */
  void trimmedRow(uint8_t row, char* out) const;

  /** Sends changed rows to the display; returns how many rows were written. */
  uint8_t flush(Display& display);

 private:
  char rows_[kRows][kCols + 1];
  char shown_[kRows][kCols + 1];
  bool everShown_[kRows];
};

}  // namespace iotkit
