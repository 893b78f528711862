#include "iotkit/net/tls_settings.h"

#include "iotkit/json/json_doc.h"

namespace iotkit {

const char* tlsTrustName(TlsTrust trust) {
  switch (trust) {
    case TlsTrust::CoreBundle: return "certificate bundle";
    case TlsTrust::RootCa: return "root CA from config";
    case TlsTrust::Insecure: return "NOT VERIFIED";
  }
  return "certificate bundle";
}

bool parseTlsSettings(const char* configJson, TlsSettings& out, std::string& problem) {
  out = TlsSettings();
  JsonDoc doc;
  if (configJson == nullptr || !doc.parse(configJson)) {
    problem = "config is not JSON";
    return false;
  }
  const cJSON* tls = cJSON_GetObjectItemCaseSensitive(doc.root(), "tls");
  if (tls == nullptr) return true;
  if (!cJSON_IsObject(tls)) {
    problem = "config field \"tls\" must be an object";
    return false;
  }
  const cJSON* insecure = cJSON_GetObjectItemCaseSensitive(tls, "insecure");
  const cJSON* rootCa = cJSON_GetObjectItemCaseSensitive(tls, "rootCa");
  if (insecure != nullptr && !cJSON_IsBool(insecure)) {
    problem = "config field \"tls.insecure\" must be true or false";
    return false;
  }
  if (rootCa != nullptr && (!cJSON_IsString(rootCa) || std::string(rootCa->valuestring).find("-----BEGIN CERTIFICATE-----") == std::string::npos)) {
    problem = "config field \"tls.rootCa\" must be a PEM certificate (-----BEGIN CERTIFICATE-----...)";
    return false;
  }
  const bool skip = insecure != nullptr && cJSON_IsTrue(insecure);
  if (skip && rootCa != nullptr) {
    problem = "config sets both \"tls.insecure\" and \"tls.rootCa\"; choose one";
    return false;
  }
  if (skip) {
    out.trust = TlsTrust::Insecure;
  } else if (rootCa != nullptr) {
    out.trust = TlsTrust::RootCa;
    out.rootCa = rootCa->valuestring;
  }
  return true;
}

}  // namespace iotkit
