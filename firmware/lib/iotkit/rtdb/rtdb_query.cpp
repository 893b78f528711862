#include "iotkit/rtdb/rtdb_query.h"

#include <cmath>
#include <cstdio>

#include "iotkit/json/json_doc.h"
#include "iotkit/net/url_encode.h"

namespace iotkit {

RtdbQuery& RtdbQuery::addRaw(const char* name, const char* encodedValue) {
  params_.push_back('&');
  params_.append(name);
  params_.push_back('=');
  params_.append(encodedValue);
  return *this;
}

RtdbQuery& RtdbQuery::addString(const char* name, const char* value) {
  std::string json;
  appendJsonString(json, value);
  std::string encoded;
  appendPercentEncoded(encoded, json.c_str());
  return addRaw(name, encoded.c_str());
}

RtdbQuery& RtdbQuery::addNumber(const char* name, double value) {
  char text[32];
  if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
    std::snprintf(text, sizeof(text), "%.0f", value);
  } else {
    std::snprintf(text, sizeof(text), "%.17g", value);
  }
  std::string encoded;
  appendPercentEncoded(encoded, text);
  return addRaw(name, encoded.c_str());
}

RtdbQuery& RtdbQuery::orderByChild(const char* childPath) {
  hasOrderBy_ = true;
  return addString("orderBy", childPath);
}
RtdbQuery& RtdbQuery::orderByKey() {
  hasOrderBy_ = true;
  return addString("orderBy", "$key");
}
RtdbQuery& RtdbQuery::orderByValue() {
  hasOrderBy_ = true;
  return addString("orderBy", "$value");
}
RtdbQuery& RtdbQuery::startAt(const char* value) {
  hasFilter_ = true;
  return addString("startAt", value);
}
RtdbQuery& RtdbQuery::startAt(double value) {
  hasFilter_ = true;
  return addNumber("startAt", value);
}
RtdbQuery& RtdbQuery::endAt(const char* value) {
  hasFilter_ = true;
  return addString("endAt", value);
}
RtdbQuery& RtdbQuery::endAt(double value) {
  hasFilter_ = true;
  return addNumber("endAt", value);
}
RtdbQuery& RtdbQuery::equalTo(const char* value) {
  hasFilter_ = true;
  return addString("equalTo", value);
}
RtdbQuery& RtdbQuery::equalTo(double value) {
  hasFilter_ = true;
  return addNumber("equalTo", value);
}
RtdbQuery& RtdbQuery::startsWith(const char* prefix) {
  std::string end(prefix);
  end.append(kPrefixRangeEnd);
  startAt(prefix);
  return endAt(end.c_str());
}
RtdbQuery& RtdbQuery::limitToFirst(uint32_t count) {
  hasFilter_ = true;
  return addNumber("limitToFirst", count);
}
RtdbQuery& RtdbQuery::limitToLast(uint32_t count) {
  hasFilter_ = true;
  return addNumber("limitToLast", count);
}
RtdbQuery& RtdbQuery::shallow() { return addRaw("shallow", "true"); }
RtdbQuery& RtdbQuery::silent() { return addRaw("print", "silent"); }

}  // namespace iotkit
