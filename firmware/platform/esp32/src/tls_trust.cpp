#include "tls_trust.h"

#include <Arduino.h>

#include <cstdio>

#ifndef IOTKIT_NO_CORE_CA_BUNDLE
// The root certificate bundle ESP-IDF builds into the core's mbedTLS (Mozilla's list, the
// x509_crt_bundle component). Build with -DIOTKIT_NO_CORE_CA_BUNDLE on a core without it and
// set tls.rootCa in the config instead.
extern const uint8_t kCoreCaBundle[] asm("_binary_x509_crt_bundle_start");
#endif

namespace iotkit::esp32 {

namespace {
uint32_t toSeconds(uint32_t ms) { return ms < 1000 ? 1 : (ms + 999) / 1000; }
}  // namespace

bool applyTrust(WiFiClientSecure& client, const TlsSettings& tls, const ConnectLimits& limits) {
  client.setHandshakeTimeout(toSeconds(limits.handshakeTimeoutMs));  // seconds in core 2.0.x
  switch (tls.trust) {
    case TlsTrust::RootCa:
      client.setCACert(tls.rootCa.c_str());
      return true;
    case TlsTrust::Insecure:
      client.setInsecure();
      return true;
    case TlsTrust::CoreBundle:
#ifndef IOTKIT_NO_CORE_CA_BUNDLE
      client.setCACertBundle(kCoreCaBundle);
      return true;
#else
      return false;
#endif
  }
  return false;
}

LinkError connectBounded(WiFiClient& client, WiFiClientSecure* secure, const Origin& origin, const TlsSettings& tls,
                         const ConnectLimits& limits, char* error, size_t errorSize) {
  error[0] = '\0';
  if (secure != nullptr && !applyTrust(*secure, tls, limits)) {
    std::snprintf(error, errorSize, "no certificate bundle in this build: set tls.rootCa in the config");
    return LinkError::Tls;
  }
  // 2.0.x: seconds; bounds every blocking socket read after the connect.
  client.setTimeout(toSeconds(limits.responseTimeoutMs));
  const int32_t timeout = static_cast<int32_t>(limits.connectTimeoutMs);
  // Called on the concrete type: the secure client's connect is the one that does the handshake.
  const int connected = secure != nullptr ? secure->connect(origin.host.c_str(), origin.port, timeout)
                                          : client.connect(origin.host.c_str(), origin.port, timeout);
  if (connected) return LinkError::None;
  if (secure != nullptr) {
    // start_ssl_client returns -1 for socket/DNS/timeout failures and the mbedTLS code otherwise.
    const int code = secure->lastError(error, errorSize);
    if (code < -1) return LinkError::Tls;
  }
  std::snprintf(error, errorSize, "cannot reach %s:%u", origin.host.c_str(), static_cast<unsigned>(origin.port));
  return LinkError::ConnectFailed;
}

}  // namespace iotkit::esp32
