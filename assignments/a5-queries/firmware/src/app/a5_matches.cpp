// Assignment 5 reference solution (the parts between BEGIN SOLUTION / END SOLUTION are the
// student's; the handout keeps the STUB lines so the starter builds).
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

bool collectMatches(const std::string& body, const std::string& orderBy, std::vector<Match>& out) {
  out.clear();
  iotkit::JsonDoc doc;
  if (!doc.parse(body)) return false;
  if (doc.isNull()) return true;
  if (!cJSON_IsObject(doc.root())) return false;
  // BEGIN SOLUTION: one Match per child of the answer (value = its orderBy child's string, or the key for "$key"), then sort by value and, for equal values, by key (compareKeys)
  // STUB: (void)orderBy;
  const bool byKey = orderBy == kOrderByKey;
  const cJSON* child = nullptr;
  cJSON_ArrayForEach(child, doc.root()) {
    if (child->string == nullptr) continue;
    if (byKey) {
      out.push_back({child->string, child->string});
      continue;
    }
    // The server already left out readings without the child or with a number there (numbers sort
    // before every string, so a string range never holds one); checked again all the same.
    const cJSON* value = cJSON_GetObjectItemCaseSensitive(child, orderBy.c_str());
    if (cJSON_IsString(value)) out.push_back({child->string, value->valuestring});
  }
  // UTF-8 byte order is code point order: the server's order for every character below U+10000.
  std::sort(out.begin(), out.end(), [byKey](const Match& a, const Match& b) {
    const int byValue = byKey ? 0 : a.value.compare(b.value);
    if (byValue != 0) return byValue < 0;
    return compareKeys(a.key, b.key) < 0;
  });
  // END SOLUTION
  return true;
}

}  // namespace a5
