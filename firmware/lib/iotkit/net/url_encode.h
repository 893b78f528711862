// Percent-encoding for URLs (RFC 3986): every byte outside the unreserved set
// `A-Z a-z 0-9 - . _ ~` becomes %XX, byte by byte, so UTF-8 text such as U+F8FF
// (bytes EF A3 BF) becomes %EF%A3%BF. The ESP32 Firebase libraries skip this step.
#pragma once

#include <cstddef>
#include <string>

namespace iotkit {

/** Appends `text` percent-encoded to `out`. */
void appendPercentEncoded(std::string& out, const char* text);
/** Same for the first `length` bytes of `text` (no NUL needed). */
void appendPercentEncoded(std::string& out, const char* text, size_t length);

/** Appends a database path with each segment encoded and '/' kept. */
void appendEncodedPath(std::string& out, const char* path);

/** Replaces the value of `name=` in a URL's query with `<redacted>` (for logs). */
std::string redactQueryParam(const std::string& url, const char* name);

}  // namespace iotkit
