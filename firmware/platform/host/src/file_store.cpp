#include "iotkit/host/file_store.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "iotkit/json/json_doc.h"

namespace iotkit::host {

namespace {

/** The stored object, or an empty object when the file is missing or not a JSON object. */
JsonDoc load(const std::string& path) {
  std::ifstream file(path);
  if (file) {
    std::stringstream text;
    text << file.rdbuf();
    JsonDoc doc;
    if (doc.parse(text.str()) && cJSON_IsObject(doc.root())) return doc;
  }
  return JsonDoc::object();
}

bool save(const std::string& path, const JsonDoc& doc) {
  std::string text;
  if (!doc.print(text)) return false;
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    if (!out) return false;
    out << text << '\n';
    out.flush();
    if (!out) return false;
  }
  return std::rename(temp.c_str(), path.c_str()) == 0;
}

}  // namespace

bool FileStore::get(const char* key, std::string& out) {
  if (key == nullptr) return false;
  const JsonDoc doc = load(path_);
  return jsonString(doc.root(), key, out);
}

bool FileStore::put(const char* key, const char* value) {
  if (key == nullptr || key[0] == '\0' || value == nullptr) return false;
  JsonDoc doc = load(path_);
  cJSON_DeleteItemFromObjectCaseSensitive(doc.root(), key);
  cJSON_AddStringToObject(doc.root(), key, value);
  return save(path_, doc);
}

bool FileStore::remove(const char* key) {
  if (key == nullptr) return false;
  JsonDoc doc = load(path_);
  if (cJSON_GetObjectItemCaseSensitive(doc.root(), key) == nullptr) return false;
  cJSON_DeleteItemFromObjectCaseSensitive(doc.root(), key);
  return save(path_, doc);
}

}  // namespace iotkit::host
