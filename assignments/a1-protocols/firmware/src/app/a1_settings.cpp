#include "a1_settings.h"


#include "iotkit/json/json_doc.h"

namespace a1 {

namespace {

bool readInterval(const cJSON* root, uint32_t& out, std::string& problem) {
  const cJSON* node = cJSON_GetObjectItemCaseSensitive(root, "intervalMs");
  if (node == nullptr) return true;
  const double value = cJSON_IsNumber(node) ? node->valuedouble : -1;
  if (value < kMinIntervalMs || value > kMaxIntervalMs || value != static_cast<double>(static_cast<uint32_t>(value))) {
    problem = "intervalMs must be a whole number of milliseconds from 100 to 3600000";
    return false;
  }
  out = static_cast<uint32_t>(value);
  return true;
}

bool readString(const cJSON* root, const char* key, std::string& out, std::string& problem) {
  const cJSON* node = cJSON_GetObjectItemCaseSensitive(root, key);
  if (node == nullptr) return true;
  if (!cJSON_IsString(node)) {
    problem = std::string("app.") + key + " must be a string";
    return false;
  }
  out = node->valuestring;
  return true;
}

}  // namespace

bool parseSettings(const std::string& appJson, Settings& out, std::string& problem) {
  iotkit::JsonDoc doc;
  if (!doc.parse(appJson) || !cJSON_IsObject(doc.root())) {
    problem = "app settings must be a JSON object";
    return false;
  }
  const cJSON* root = doc.root();
  Settings s;
  if (!readString(root, "device", s.device, problem) || !readString(root, "mqttHost", s.mqttHost, problem) ||
      !readString(root, "mqttUser", s.mqttUser, problem) ||
      !readString(root, "mqttPassword", s.mqttPassword, problem)) {
    return false;
  }
  // The device name is one topic level and the client id: no separators, no wildcards.
  if (s.device.empty() || s.device.size() > 64 || s.device.find_first_of("/+#$ ") != std::string::npos) {
    problem = "app.device must be 1-64 characters without '/', '+', '#', '$' or spaces (it is one topic level)";
    return false;
  }
  if (s.mqttHost.empty()) {
    problem = "app.mqttHost must not be empty";
    return false;
  }
  const cJSON* port = cJSON_GetObjectItemCaseSensitive(root, "mqttPort");
  if (port != nullptr) {
    const double value = cJSON_IsNumber(port) ? port->valuedouble : 0;
    if (value < 1 || value > 65535 || value != static_cast<double>(static_cast<uint16_t>(value))) {
      problem = "app.mqttPort must be a port number from 1 to 65535";
      return false;
    }
    s.mqttPort = static_cast<uint16_t>(value);
  }
  if (!readInterval(root, s.intervalMs, problem)) {
    problem = "app." + problem;
    return false;
  }
  const cJSON* http = cJSON_GetObjectItemCaseSensitive(root, "http");
  if (http != nullptr) {
    if (!cJSON_IsBool(http)) {
      problem = "app.http must be true or false";
      return false;
    }
    s.http = cJSON_IsTrue(http);
  }
  out = s;
  return true;
}

bool parseCommand(const char* payload, size_t length, uint32_t& intervalMs, std::string& problem) {
  iotkit::JsonDoc doc;
  if (payload == nullptr || !doc.parse(payload, length) || !cJSON_IsObject(doc.root())) {
    problem = "a command must be a JSON object such as {\"intervalMs\": 500}";
    return false;
  }
  if (cJSON_GetObjectItemCaseSensitive(doc.root(), "intervalMs") == nullptr) {
    problem = "unknown command: the device understands {\"intervalMs\": n}";
    return false;
  }
  return readInterval(doc.root(), intervalMs, problem);
}

}  // namespace a1
