// HTTP/1.1 chunked transfer decoding as a state machine fed any slice of the body, for the
// ESP32 stream adapter, which reads the raw socket (libcurl decodes chunks itself on the host).
// Chunk extensions and trailers are skipped.
#pragma once

#include <cstddef>
#include <cstdint>

namespace iotkit {

class ChunkedDecoder {
 public:
  enum class State : uint8_t { Size, Extension, SizeLf, Data, DataCr, DataLf, Trailer, Done, Error };

  /**
   * Decodes `length` bytes of chunked body into `out` (capacity `outCapacity`). Returns the
   * number of payload bytes written; `consumed` says how many input bytes were used (less than
   * `length` only when `out` filled up — call again with the rest).
   */
  size_t feed(const char* in, size_t length, char* out, size_t outCapacity, size_t& consumed);
  State state() const { return state_; }
  bool done() const { return state_ == State::Done; }
  bool failed() const { return state_ == State::Error; }
  void reset();

 private:
  State state_ = State::Size;
  uint32_t remaining_ = 0;
  uint8_t sizeDigits_ = 0;
  bool trailerLineEmpty_ = true;
};

}  // namespace iotkit
