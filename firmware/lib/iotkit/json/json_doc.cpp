#include "iotkit/json/json_doc.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace iotkit {

JsonDoc& JsonDoc::operator=(JsonDoc&& other) noexcept {
  if (this != &other) {
    cJSON_Delete(root_);
    root_ = other.root_;
    other.root_ = nullptr;
  }
  return *this;
}

bool JsonDoc::parse(const char* text, size_t length) {
  cJSON_Delete(root_);
  root_ = cJSON_ParseWithLength(text, length);
  return root_ != nullptr;
}

JsonDoc& JsonDoc::set(const char* key, double value) {
  if (cJSON_IsObject(root_)) cJSON_AddNumberToObject(root_, key, value);
  return *this;
}

JsonDoc& JsonDoc::set(const char* key, const char* value) {
  if (cJSON_IsObject(root_)) cJSON_AddStringToObject(root_, key, value);
  return *this;
}

JsonDoc& JsonDoc::setBool(const char* key, bool value) {
  if (cJSON_IsObject(root_)) cJSON_AddBoolToObject(root_, key, value ? 1 : 0);
  return *this;
}

JsonDoc& JsonDoc::setServerTimestamp(const char* key) {
  if (!cJSON_IsObject(root_)) return *this;
  cJSON* sv = cJSON_AddObjectToObject(root_, key);
  if (sv != nullptr) cJSON_AddStringToObject(sv, ".sv", "timestamp");
  return *this;
}

bool JsonDoc::print(std::string& out) const {
  if (root_ == nullptr) return false;
  char* text = cJSON_PrintUnformatted(root_);
  if (text == nullptr) return false;
  out.append(text);
  cJSON_free(text);
  return true;
}

bool jsonNumber(const cJSON* node, const char* key, double& out) {
  const cJSON* item = cJSON_GetObjectItemCaseSensitive(node, key);
  if (!cJSON_IsNumber(item)) return false;
  out = item->valuedouble;
  return true;
}

bool jsonInt(const cJSON* node, const char* key, int32_t& out) {
  double value = 0;
  if (!jsonNumber(node, key, value)) return false;
  if (!std::isfinite(value) || std::floor(value) != value || value < -2147483648.0 || value > 2147483647.0) {
    return false;
  }
  out = static_cast<int32_t>(value);
  return true;
}

bool jsonString(const cJSON* node, const char* key, std::string& out) {
  const cJSON* item = cJSON_GetObjectItemCaseSensitive(node, key);
  if (!cJSON_IsString(item) || item->valuestring == nullptr) return false;
  out.assign(item->valuestring);
  return true;
}

void appendJsonString(std::string& out, const char* text) {
  out.push_back('"');
  for (const char* p = text; *p != '\0'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (c < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof(escape), "\\u%04x", c);
          out.append(escape);
        } else {
          out.push_back(static_cast<char>(c));  // UTF-8 passes through unchanged
        }
    }
  }
  out.push_back('"');
}

}  // namespace iotkit
