#include "a4_settings.h"

#include "iotkit/json/json_doc.h"

namespace a4 {

namespace {

bool readCount(const cJSON* root, const char* key, uint32_t min, uint32_t max, uint32_t& out, std::string& problem) {
  const cJSON* item = cJSON_GetObjectItemCaseSensitive(root, key);
  if (item == nullptr) return true;
  const double v = cJSON_IsNumber(item) ? item->valuedouble : -1;
  if (!cJSON_IsNumber(item) || v != static_cast<double>(static_cast<int64_t>(v)) || v < min || v > max) {
    problem = std::string("app.") + key + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
    return false;
  }
  out = static_cast<uint32_t>(v);
  return true;
}

}  // namespace

bool parseSettings(const std::string& appJson, Settings& out, std::string& problem) {
  iotkit::JsonDoc doc;
  if (!doc.parse(appJson) || !cJSON_IsObject(doc.root())) {
    problem = "app settings must be a JSON object";
    return false;
  }
  Settings parsed = out;
  if (!readCount(doc.root(), "readingIntervalMs", 100, 3600000, parsed.readingIntervalMs, problem) ||
      !readCount(doc.root(), "refreshMarginMs", 0, 3600000, parsed.refreshMarginMs, problem)) {
    return false;
  }
  out = parsed;
  return true;
}

}  // namespace a4
