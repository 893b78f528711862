// How the ESP32 checks the server's certificate, read from the `tls` object of the device
// config JSON. Default: verify against the certificate bundle of the ESP32 core. A root CA
// (PEM) narrows trust to one authority; skipping verification must be asked for by name.
//
//   "tls": { "rootCa": "-----BEGIN CERTIFICATE-----\n..." }
//   "tls": { "insecure": true }      // logs a warning at every boot
#pragma once

#include <cstdint>
#include <string>

namespace iotkit {

enum class TlsTrust : uint8_t { CoreBundle, RootCa, Insecure };

struct TlsSettings {
  TlsTrust trust = TlsTrust::CoreBundle;
  /** PEM text when `trust` is RootCa. */
  std::string rootCa;
};

const char* tlsTrustName(TlsTrust trust);

/** Reads `tls` from the config JSON; absent = CoreBundle. False with `problem` on a bad value. */
bool parseTlsSettings(const char* configJson, TlsSettings& out, std::string& problem);

}  // namespace iotkit
