// Assignment 5: which readings match the query, and in what order. The bodies marked TODO in the
// starter are the assignment; each answers with a stub until written, so the starter builds.
#include "a5_matches.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "a5_settings.h"
#include "iotkit/json/json_doc.h"

namespace a5 {
namespace {

/** A key Firebase reads as a number: an optional '-', digits without a leading zero, 32-bit. */
bool integerKey(const std::string& key, long long& value) {
  if (key.empty() || key.size() > 11) return false;
  size_t i = key[0] == '-' ? 1 : 0;
  if (i == key.size() || (key[i] == '0' && key.size() > i + 1) || (i == 1 && key == "-0")) return false;
  for (size_t j = i; j < key.size(); ++j)
    if (key[j] < '0' || key[j] > '9') return false;
  errno = 0;
  value = std::strtoll(key.c_str(), nullptr, 10);
  return errno == 0 && value >= -2147483648LL && value <= 2147483647LL;
}

}  // namespace

int compareKeys(const std::string& a, const std::string& b) {
  long long x = 0;
  long long y = 0;
  const bool xi = integerKey(a, x);
  const bool yi = integerKey(b, y);
  if (xi && yi) return x < y ? -1 : (x > y ? 1 : 0);
  if (xi != yi) return xi ? -1 : 1;
  return a.compare(b);
}

bool matchOf(const char* key, const cJSON* child, const std::string& orderBy, Match& out) {
  // BEGIN SOLUTION: the value this child is ordered by: its key for "$key", the child itself for "$value" (kOrderByValue), else its orderBy child; false unless that is a string
  // STUB: (void)key;
  // STUB: (void)child;
  // STUB: (void)orderBy;
  // STUB: (void)out;
  // STUB: return false;
  const bool byKey = orderBy == kOrderByKey;
  if (byKey) {
    out = {key, key};
    return true;
  }
  // The server already left out readings without the child or with a number there (numbers sort
  // before every string, so a string range never holds one); checked again all the same.
  const cJSON* value = orderBy == kOrderByValue ? child : cJSON_GetObjectItemCaseSensitive(child, orderBy.c_str());
  if (!cJSON_IsString(value)) return false;
  out = {key, value->valuestring};
  return true;
  // END SOLUTION
}

bool matchBefore(const Match& a, const Match& b, const std::string& orderBy) {
  // BEGIN SOLUTION: by value (std::string::compare), equal values by key (compareKeys); "$key" by key alone
  // STUB: (void)a;
  // STUB: (void)b;
  // STUB: (void)orderBy;
  // STUB: return false;
  // UTF-8 byte order is code point order: the server's order for every character below U+10000.
  const bool keyOrder = orderBy == kOrderByKey;
  const int byValue = keyOrder ? 0 : a.value.compare(b.value);
  if (byValue != 0) return byValue < 0;
  return compareKeys(a.key, b.key) < 0;
  // END SOLUTION
}

bool collectMatches(const std::string& body, const std::string& orderBy, std::vector<Match>& out) {
  out.clear();
  iotkit::JsonDoc doc;
  if (!doc.parse(body)) return false;
  return collectMatches(doc.root(), orderBy, out);
}

bool collectMatches(const cJSON* answer, const std::string& orderBy, std::vector<Match>& out) {
  out.clear();
  if (answer == nullptr || cJSON_IsNull(answer)) return true;
  if (!cJSON_IsObject(answer)) return false;
  // BEGIN SOLUTION: one Match per child of the answer that matchOf() accepts, then sort them with matchBefore()
  // STUB: (void)orderBy;
  const cJSON* child = nullptr;
  cJSON_ArrayForEach(child, answer) {
    Match match;
    if (child->string != nullptr && matchOf(child->string, child, orderBy, match)) out.push_back(match);
  }
  std::sort(out.begin(), out.end(),
            [&orderBy](const Match& a, const Match& b) { return matchBefore(a, b, orderBy); });
  // END SOLUTION
  return true;
}

}  // namespace a5
