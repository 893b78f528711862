// Applies the configured certificate check to a WiFiClientSecure and classifies a failed
// connect. Private to the ESP32 adapters (includes the core's headers).
#pragma once

#include <WiFiClientSecure.h>

#include <cstddef>

#include "iotkit/net/connect_limits.h"
#include "iotkit/net/origin.h"
#include "iotkit/net/tls_settings.h"

namespace iotkit::esp32 {

/** Certificates as configured, handshake bounded; false if no trust source is available. */
bool applyTrust(WiFiClientSecure& client, const TlsSettings& tls, const ConnectLimits& limits);

/**
 * Connects `client` within the limits. On failure fills `error` (the mbedTLS text for a TLS
 * failure) and says whether it was TLS (a negative mbedTLS code below -1) or the network.
 */
LinkError connectBounded(WiFiClient& client, WiFiClientSecure* secure, const Origin& origin, const TlsSettings& tls,
                         const ConnectLimits& limits, char* error, size_t errorSize);

}  // namespace iotkit::esp32
