#include "iotkit/app/device_config.h"

#include <cstring>

#include "iotkit/json/json_doc.h"

namespace iotkit {

ConfigStatus parseDeviceConfig(const char* json, DeviceConfig& out, std::string& problem) {
  JsonDoc doc;
  if (json == nullptr || !doc.parse(json, std::strlen(json))) {
    problem = "config is not valid JSON";
    return ConfigStatus::NotJson;
  }
  if (!cJSON_IsObject(doc.root())) {
    problem = "config must be a JSON object";
    return ConfigStatus::NotObject;
  }
  struct Field {
    const char* key;
    std::string* target;
  };
  const Field fields[] = {
      {"rtdbUrl", &out.rtdbUrl},   {"namespace", &out.ns},         {"authUrl", &out.authUrl},
      {"apiKey", &out.apiKey},     {"email", &out.email},          {"password", &out.password},
      {"customToken", &out.customToken},
  };
  for (const Field& field : fields) {
    const cJSON* item = cJSON_GetObjectItemCaseSensitive(doc.root(), field.key);
    if (item == nullptr || cJSON_IsNull(item)) continue;
    if (!cJSON_IsString(item)) {
      problem = std::string("config field \"") + field.key + "\" must be a string";
      return ConfigStatus::WrongType;
    }
    field.target->assign(item->valuestring);
  }
  const cJSON* app = cJSON_GetObjectItemCaseSensitive(doc.root(), "app");
  if (app != nullptr && !cJSON_IsNull(app)) {
    if (!cJSON_IsObject(app)) {
      problem = "config field \"app\" must be an object";
      return ConfigStatus::WrongType;
    }
    char* text = cJSON_PrintUnformatted(app);
    if (text != nullptr) {
      out.appJson.assign(text);
      cJSON_free(text);
    }
  }
  return ConfigStatus::Ok;
}

}  // namespace iotkit
