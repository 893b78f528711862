#include "iotkit/net/chunked_decoder.h"

namespace iotkit {

namespace {
int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

void ChunkedDecoder::reset() {
  state_ = State::Size;
  remaining_ = 0;
  sizeDigits_ = 0;
  trailerLineEmpty_ = true;
}

size_t ChunkedDecoder::feed(const char* in, size_t length, char* out, size_t outCapacity, size_t& consumed) {
  size_t written = 0;
  size_t i = 0;
  while (i < length && state_ != State::Done && state_ != State::Error) {
    const char c = in[i];
    switch (state_) {
      case State::Size: {
        const int v = hexValue(c);
        if (v >= 0) {
          // 7 hex digits = 256 MB: far beyond any RTDB event; more means a corrupt stream.
          if (++sizeDigits_ > 7) {
            state_ = State::Error;
            break;
          }
          remaining_ = remaining_ * 16 + static_cast<uint32_t>(v);
        } else if (sizeDigits_ > 0 && (c == ';' || c == ' ' || c == '\t')) {
          state_ = State::Extension;
        } else if (sizeDigits_ > 0 && c == '\r') {
          state_ = State::SizeLf;
        } else {
          state_ = State::Error;
        }
        ++i;
        break;
      }
      case State::Extension:
        if (c == '\r') state_ = State::SizeLf;
        ++i;
        break;
      case State::SizeLf:
        if (c != '\n') {
          state_ = State::Error;
          break;
        }
        ++i;
        sizeDigits_ = 0;
        if (remaining_ == 0) {
          state_ = State::Trailer;
          trailerLineEmpty_ = true;
        } else {
          state_ = State::Data;
        }
        break;
      case State::Data: {
        if (written == outCapacity) {
          consumed = i;
          return written;
        }
        size_t n = length - i;
        if (n > remaining_) n = remaining_;
        if (n > outCapacity - written) n = outCapacity - written;
        for (size_t k = 0; k < n; ++k) out[written + k] = in[i + k];
        written += n;
        i += n;
        remaining_ -= static_cast<uint32_t>(n);
        if (remaining_ == 0) state_ = State::DataCr;
        break;
      }
      case State::DataCr:
        state_ = c == '\r' ? State::DataLf : State::Error;
        ++i;
        break;
      case State::DataLf:
        state_ = c == '\n' ? State::Size : State::Error;
        ++i;
        break;
      case State::Trailer:
        // Trailer lines end with an empty line.
        if (c == '\n') {
          if (trailerLineEmpty_) state_ = State::Done;
          trailerLineEmpty_ = true;
        } else if (c != '\r') {
          trailerLineEmpty_ = false;
        }
        ++i;
        break;
      case State::Done:
      case State::Error:
        break;
    }
  }
  consumed = i;
  return written;
}

}  // namespace iotkit
