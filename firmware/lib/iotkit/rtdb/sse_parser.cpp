#include "iotkit/rtdb/sse_parser.h"

#include <cstring>

namespace iotkit {

SseParser::SseParser(size_t maxDataBytes) : maxData_(maxDataBytes) {
  data_.reserve(maxData_ + 1);
  value_.reserve(maxData_ + 1);
}

void SseParser::reset() {
  data_.clear();
  value_.clear();
  fieldLength_ = 0;
  event_[0] = '\0';
  part_ = Part::Field;
  skipSpace_ = false;
  lastWasCr_ = false;
  overflow_ = false;
  hasData_ = false;
  lineHadColon_ = false;
}

void SseParser::feed(const char* bytes, size_t length, SseHandler& handler) {
  for (size_t i = 0; i < length; ++i) {
    const char c = bytes[i];
    if (c == '\n' && lastWasCr_) {
      // Second half of a "\r\n" that may have been split across feed() calls.
      lastWasCr_ = false;
      continue;
    }
    lastWasCr_ = (c == '\r');
    if (c == '\r' || c == '\n') {
      endOfLine(handler);
      continue;
    }
    switch (part_) {
      case Part::Field:
        if (c == ':') {
          lineHadColon_ = true;
          // A line that starts with ':' is a comment: skip it without buffering.
          part_ = fieldLength_ == 0 ? Part::SkipLine : Part::Value;
          skipSpace_ = true;
        } else if (fieldLength_ < kMaxLine) {
          field_[fieldLength_++] = c;
        } else {
          part_ = Part::SkipLine;
        }
        break;
      case Part::Value:
        if (skipSpace_) {
          skipSpace_ = false;
          if (c == ' ') break;
        }
        takeValueByte(c);
        break;
      case Part::SkipLine:
        break;
    }
  }
}

void SseParser::takeValueByte(char c) {
  if (value_.size() >= maxData_) {
    overflow_ = true;
    return;
  }
  value_.push_back(c);
}

void SseParser::endOfLine(SseHandler& handler) {
  const bool blank = fieldLength_ == 0 && !lineHadColon_ && part_ != Part::SkipLine;
  if (blank) {
    dispatch(handler);
  } else if (part_ != Part::SkipLine && fieldLength_ > 0) {
    field_[fieldLength_] = '\0';
    if (std::strcmp(field_, "event") == 0) {
      const size_t n = value_.size() < kMaxEventName ? value_.size() : kMaxEventName;
      std::memcpy(event_, value_.data(), n);
      event_[n] = '\0';
    } else if (std::strcmp(field_, "data") == 0) {
      // Multiple data lines join with '\n'.
      if (hasData_) {
        if (data_.size() >= maxData_) overflow_ = true; else data_.push_back('\n');
      }
      hasData_ = true;
      if (data_.size() + value_.size() > maxData_) {
        overflow_ = true;
      } else {
        data_.append(value_);
      }
    }
    // "id", "retry" and unknown fields are ignored; a line starting with ':' is a comment.
  }
  fieldLength_ = 0;
  value_.clear();
  part_ = Part::Field;
  skipSpace_ = false;
  lineHadColon_ = false;
}

void SseParser::dispatch(SseHandler& handler) {
  // Per the SSE spec an event without any data line is not dispatched.
  if (overflow_) {
    handler.onSseOverflow();
  } else if (hasData_) {
    handler.onSseEvent(event_[0] != '\0' ? event_ : "message", data_.c_str(), data_.size());
  }
  data_.clear();
  event_[0] = '\0';
  overflow_ = false;
  hasData_ = false;
}

}  // namespace iotkit
