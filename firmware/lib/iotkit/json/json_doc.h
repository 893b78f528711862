// JSON through cJSON (Debian's libcjson on the host, the copy bundled with ESP-IDF on the
// ESP32). JsonDoc owns one cJSON tree and frees it; the getters never throw and report a
// missing or mistyped field as `false`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#if __has_include(<cjson/cJSON.h>)
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

namespace iotkit {

/** The RTDB server-value placeholder: the server replaces it with its clock in ms. */
constexpr const char* kServerTimestampJson = "{\".sv\":\"timestamp\"}";

class JsonDoc {
 public:
  JsonDoc() = default;
  explicit JsonDoc(cJSON* root) : root_(root) {}
  ~JsonDoc() { cJSON_Delete(root_); }
  JsonDoc(const JsonDoc&) = delete;
  JsonDoc& operator=(const JsonDoc&) = delete;
  JsonDoc(JsonDoc&& other) noexcept : root_(other.root_) { other.root_ = nullptr; }
  JsonDoc& operator=(JsonDoc&& other) noexcept;

  /** Parses `length` bytes; returns false (and holds nothing) on malformed JSON. */
  bool parse(const char* text, size_t length);
  bool parse(const std::string& text) { return parse(text.data(), text.size()); }
  static JsonDoc object() { return JsonDoc(cJSON_CreateObject()); }

  cJSON* root() const { return root_; }
  bool valid() const { return root_ != nullptr; }
  bool isNull() const { return root_ != nullptr && cJSON_IsNull(root_); }

  /** Adds fields to an object root; no-ops on a non-object root. */
  JsonDoc& set(const char* key, double value);
  JsonDoc& set(const char* key, const char* value);
  JsonDoc& setBool(const char* key, bool value);
  /** Adds `{".sv":"timestamp"}` under `key`. */
  JsonDoc& setServerTimestamp(const char* key);

  /** Appends the compact JSON text to `out`; false if there is nothing to print. */
  bool print(std::string& out) const;

 private:
  cJSON* root_ = nullptr;
};

/** Field lookups on an object node (`node` may be null: then they return false). */
bool jsonNumber(const cJSON* node, const char* key, double& out);
bool jsonInt(const cJSON* node, const char* key, int32_t& out);
bool jsonString(const cJSON* node, const char* key, std::string& out);

/** Appends `text` as a JSON string literal (quotes and escapes) to `out`. */
void appendJsonString(std::string& out, const char* text);

}  // namespace iotkit
