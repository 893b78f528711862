// Where a URL points: scheme, host and port. The connection policy keeps one connection per
// origin, and the Host header needs the port whenever it is not the scheme's default.
#pragma once

#include <cstdint>
#include <string>

namespace iotkit {

struct Origin {
  bool tls = false;
  /** Host name or address, without the brackets of an IPv6 literal. */
  std::string host;
  uint16_t port = 0;

  bool operator==(const Origin& other) const { return tls == other.tls && port == other.port && host == other.host; }
  bool operator!=(const Origin& other) const { return !(*this == other); }
};

/**
 * Splits `http[s]://host[:port][/path][?query]` into its origin and the request target
 * (`/path?query`, "/" when empty). False for any other scheme, an empty host or a bad port.
 */
bool parseUrl(const std::string& url, Origin& origin, std::string& target);

/** The Host header value: `host`, or `host:port` when the port is not 80 (http) / 443 (https). */
void hostHeader(const Origin& origin, std::string& out);

}  // namespace iotkit
