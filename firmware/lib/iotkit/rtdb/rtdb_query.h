// Query parameters for an RTDB REST read. Values are JSON-encoded (strings quoted) and then
// percent-encoded byte by byte, so `startsWith("b")` sends endAt="b\uf8ff" as
// endAt=%22b%EF%A3%BF%22. The server wants exactly one orderBy with any filter.
#pragma once

#include <cstdint>
#include <string>

namespace iotkit {

class RtdbQuery {
 public:
  RtdbQuery& orderByChild(const char* childPath);
  RtdbQuery& orderByKey();
  RtdbQuery& orderByValue();
  RtdbQuery& startAt(const char* value);
  RtdbQuery& startAt(double value);
  RtdbQuery& endAt(const char* value);
  RtdbQuery& endAt(double value);
  RtdbQuery& equalTo(const char* value);
  RtdbQuery& equalTo(double value);
  /** startAt(prefix) + endAt(prefix + U+F8FF): every string value starting with `prefix`. */
  RtdbQuery& startsWith(const char* prefix);
  RtdbQuery& limitToFirst(uint32_t count);
  RtdbQuery& limitToLast(uint32_t count);
  RtdbQuery& shallow();
  /** `print=silent`: writes answer 204 with no body. */
  RtdbQuery& silent();

  /** The encoded parameters, each starting with '&'. */
  const std::string& params() const { return params_; }
  bool hasOrderBy() const { return hasOrderBy_; }
  /** A filter or limit was set without an orderBy (the server would answer 400). */
  bool needsOrderBy() const { return hasFilter_ && !hasOrderBy_; }

 private:
  RtdbQuery& addString(const char* name, const char* value);
  RtdbQuery& addNumber(const char* name, double value);
  RtdbQuery& addRaw(const char* name, const char* encodedValue);

  std::string params_;
  bool hasOrderBy_ = false;
  bool hasFilter_ = false;
};

/** U+F8FF in UTF-8: the highest private-use code point, used as a prefix range end. */
constexpr const char* kPrefixRangeEnd = "\xEF\xA3\xBF";

}  // namespace iotkit
