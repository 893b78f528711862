#include "iotkit/net/url_encode.h"

#include <cstring>

namespace iotkit {

namespace {

bool isUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void appendEncodedByte(std::string& out, unsigned char c) {
  static const char kHex[] = "0123456789ABCDEF";
  out.push_back('%');
  out.push_back(kHex[c >> 4]);
  out.push_back(kHex[c & 0x0F]);
}

}  // namespace

void appendPercentEncoded(std::string& out, const char* text) { appendPercentEncoded(out, text, std::strlen(text)); }

void appendPercentEncoded(std::string& out, const char* text, size_t length) {
  for (size_t i = 0; i < length; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (isUnreserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      appendEncodedByte(out, c);
    }
  }
}

void appendEncodedPath(std::string& out, const char* path) {
  for (const char* p = path; *p != '\0'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (isUnreserved(c) || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      appendEncodedByte(out, c);
    }
  }
}

std::string redactQueryParam(const std::string& url, const char* name) {
  std::string result = url;
  const std::string key = std::string(name) + "=";
  size_t from = result.find('?');
  while (from != std::string::npos) {
    size_t start = result.find(key, from);
    if (start == std::string::npos) break;
    const char before = result[start - 1];
    if (before != '?' && before != '&') {
      from = start + 1;
      continue;
    }
    const size_t valueStart = start + key.size();
    size_t valueEnd = result.find('&', valueStart);
    if (valueEnd == std::string::npos) valueEnd = result.size();
    result.replace(valueStart, valueEnd - valueStart, "<redacted>");
    from = valueStart + std::strlen("<redacted>");
  }
  return result;
}

}  // namespace iotkit
