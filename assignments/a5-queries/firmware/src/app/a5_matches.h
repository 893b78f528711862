// Assignment 5: the answer of the prefix query turned into the list the LCD pages through, in
// the order Firebase gives query results (a REST answer is a JSON object, whose order means
// nothing, so the device sorts it again).
#pragma once

#include <string>
#include <vector>

namespace a5 {

/** One reading the query selected. */
struct Match {
  /** Its push id. */
  std::string key;
  /** The value it was ordered by (the child's string, or the key for "$key"). */
  std::string value;
};

/**
 * Firebase's order of two keys: keys that are 32-bit integers come first, by number; the other
 * keys follow in string order. Returns <0, 0 or >0.
 */
int compareKeys(const std::string& a, const std::string& b);

/**
 * Reads the REST answer `body` of a query ordered by `orderBy` (a child name or "$key") into
 * `out`, sorted by the ordered value, ties by key. `null` is no match. Returns false when the body
 * is not JSON or neither an object nor null.
 */
bool collectMatches(const std::string& body, const std::string& orderBy, std::vector<Match>& out);

}  // namespace a5
