#include "a5_settings.h"

#include "iotkit/json/json_doc.h"
#include "iotkit/rtdb/rtdb_client.h"

namespace a5 {
namespace {

bool readLimit(const cJSON* root, const char* name, uint32_t& out, std::string& problem) {
  const cJSON* item = cJSON_GetObjectItemCaseSensitive(root, name);
  if (item == nullptr) return true;
  if (!cJSON_IsNumber(item) || item->valuedouble < 1 || item->valuedouble > 1000 ||
      item->valuedouble != static_cast<double>(static_cast<uint32_t>(item->valuedouble))) {
    problem = std::string("app.") + name + " must be a whole number from 1 to 1000";
    return false;
  }
  out = static_cast<uint32_t>(item->valuedouble);
  return true;
}

}  // namespace

bool parseSettings(const std::string& appJson, Settings& out, std::string& problem) {
  iotkit::JsonDoc doc;
  if (!doc.parse(appJson) || !cJSON_IsObject(doc.root())) {
    problem = "app settings must be a JSON object";
    return false;
  }
  const cJSON* orderBy = cJSON_GetObjectItemCaseSensitive(doc.root(), "orderBy");
  if (orderBy != nullptr) {
    const char* keyProblem = nullptr;
    if (!cJSON_IsString(orderBy) || orderBy->valuestring[0] == '\0') {
      problem = "app.orderBy must be a non-empty string (a child name such as \"zone\", \"$key\" or \"$value\")";
      return false;
    }
    const std::string name = orderBy->valuestring;
    const bool special = name == kOrderByKey || name == kOrderByValue;
    if (!special && (name.find('/') != std::string::npos || !iotkit::validateRtdbPath(name.c_str(), &keyProblem))) {
      problem = "app.orderBy must be one child name, without '/', '.', '$', '#', '[' or ']' (or \"$key\", \"$value\")";
      return false;
    }
    out.orderBy = name;
  }
  const cJSON* prefix = cJSON_GetObjectItemCaseSensitive(doc.root(), "prefix");
  if (prefix != nullptr) {
    if (!cJSON_IsString(prefix)) {
      problem = "app.prefix must be a string";
      return false;
    }
    out.prefix = prefix->valuestring;
  }
  const cJSON* readings = cJSON_GetObjectItemCaseSensitive(doc.root(), "readings");
  if (readings != nullptr) {
    if (!cJSON_IsArray(readings)) {
      problem = "app.readings must be an array of objects";
      return false;
    }
    out.readings.clear();
    const cJSON* entry = nullptr;
    cJSON_ArrayForEach(entry, readings) {
      if (!cJSON_IsObject(entry)) {
        problem = "app.readings must be an array of objects";
        return false;
      }
      char* text = cJSON_PrintUnformatted(entry);
      out.readings.emplace_back(text != nullptr ? text : "{}");
      cJSON_free(text);
    }
  }
  if (!readLimit(doc.root(), "limitToFirst", out.limitToFirst, problem)) return false;
  if (!readLimit(doc.root(), "limitToLast", out.limitToLast, problem)) return false;
  const cJSON* live = cJSON_GetObjectItemCaseSensitive(doc.root(), "live");
  if (live != nullptr) {
    if (!cJSON_IsBool(live)) {
      problem = "app.live must be true or false";
      return false;
    }
    out.live = cJSON_IsTrue(live);
  }
  if (out.limitToFirst != 0 && out.limitToLast != 0) {
    problem = "app.limitToFirst and app.limitToLast cannot both be set";
    return false;
  }
  return true;
}

}  // namespace a5
