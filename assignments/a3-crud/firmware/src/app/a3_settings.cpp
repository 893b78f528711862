#include "a3_settings.h"

#include "iotkit/json/json_doc.h"
#include "iotkit/rtdb/rtdb_client.h"

namespace a3 {

bool parseSettings(const std::string& appJson, Settings& out, std::string& problem) {
  iotkit::JsonDoc doc;
  if (!doc.parse(appJson) || !cJSON_IsObject(doc.root())) {
    problem = "app settings must be a JSON object";
    return false;
  }
  const cJSON* target = cJSON_GetObjectItemCaseSensitive(doc.root(), "target");
  if (target == nullptr) return true;
  if (!cJSON_IsString(target)) {
    problem = "app.target must be a string (a device uid)";
    return false;
  }
  const std::string uid = target->valuestring;
  const char* keyProblem = nullptr;
  // A '/' would reach outside /devices/{uid}; the other characters are not allowed in keys.
  if (uid.find('/') != std::string::npos || uid.size() > 128 || !iotkit::validateRtdbPath(uid.c_str(), &keyProblem)) {
    problem = "app.target must be one database key (a uid), without '/', '.', '$', '#', '[' or ']'";
    return false;
  }
  out.target = uid;
  return true;
}

}  // namespace a3
