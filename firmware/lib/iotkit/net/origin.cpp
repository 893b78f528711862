#include "iotkit/net/origin.h"

namespace iotkit {

namespace {
uint16_t defaultPort(bool tls) { return tls ? 443 : 80; }
}  // namespace

// Works on indices and assigns into the caller's strings, so a reused Origin/target does not
// allocate once their capacity has grown (this runs for every request).
bool parseUrl(const std::string& url, Origin& origin, std::string& target) {
  size_t hostStart = 0;
  bool tls = false;
  if (url.compare(0, 8, "https://") == 0) {
    tls = true;
    hostStart = 8;
  } else if (url.compare(0, 7, "http://") == 0) {
    hostStart = 7;
  } else {
    return false;
  }
  size_t end = url.find_first_of("/?#", hostStart);
  if (end == std::string::npos) end = url.size();
  size_t hostFrom = hostStart;
  size_t hostTo = end;
  size_t portFrom = end;
  for (size_t i = hostStart; i < end; ++i) {
    if (url[i] == '@') return false;  // credentials in URLs are not supported
  }
  if (hostStart < end && url[hostStart] == '[') {
    const size_t close = url.find(']', hostStart);
    if (close == std::string::npos || close >= end) return false;
    hostFrom = hostStart + 1;
    hostTo = close;
    if (close + 1 < end) {
      if (url[close + 1] != ':') return false;
      portFrom = close + 2;
    }
  } else {
    const size_t colon = url.find(':', hostStart);
    if (colon != std::string::npos && colon < end) {
      hostTo = colon;
      portFrom = colon + 1;
    }
  }
  if (hostTo <= hostFrom) return false;
  uint32_t port = defaultPort(tls);
  if (portFrom < end) {
    if (end - portFrom > 5) return false;
    port = 0;
    for (size_t i = portFrom; i < end; ++i) {
      if (url[i] < '0' || url[i] > '9') return false;
      port = port * 10 + static_cast<uint32_t>(url[i] - '0');
    }
    if (port == 0 || port > 65535) return false;
  } else if (portFrom != end || (hostTo < end && url[hostTo] == ':')) {
    return false;  // "host:" with an empty port
  }
  origin.tls = tls;
  origin.host.assign(url, hostFrom, hostTo - hostFrom);
  origin.port = static_cast<uint16_t>(port);
  size_t targetEnd = url.find('#', end);
  if (targetEnd == std::string::npos) targetEnd = url.size();
  target.clear();
  if (end == url.size() || url[end] != '/') target.push_back('/');
  target.append(url, end, targetEnd - end);
  return true;
}

void hostHeader(const Origin& origin, std::string& out) {
  const bool ipv6 = origin.host.find(':') != std::string::npos;
  out.clear();
  if (ipv6) out.push_back('[');
  out.append(origin.host);
  if (ipv6) out.push_back(']');
  if (origin.port != defaultPort(origin.tls)) {
    out.push_back(':');
    out.append(std::to_string(origin.port));
  }
}

}  // namespace iotkit
