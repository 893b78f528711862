// Assignment 5: the answer of the prefix query turned into the list the LCD pages through, in
// the order Firebase gives query results (a REST answer is a JSON object, whose order means
// nothing, so the device sorts it again).
#pragma once

#include <string>
#include <vector>

#include "iotkit/json/json_doc.h"

namespace a5 {

/** One reading the query selected. */
struct Match {
  /** Its push id. */
  std::string key;
  /** The value it was ordered by (the child's string, the key for "$key", the value for "$value"). */
  std::string value;
};

/**
 * Firebase's order of two keys: keys that are 32-bit integers come first, by number; the other
 * keys follow in string order. Returns <0, 0 or >0.
 */
int compareKeys(const std::string& a, const std::string& b);

/**
 * One child of a query's answer, stored at `key`, as a Match of a query ordered by `orderBy`: the
 * value is the key ("$key"), the child itself ("$value") or its `orderBy` child. Returns false
 * (no match) when that value is not a string.
 */
bool matchOf(const char* key, const cJSON* child, const std::string& orderBy, Match& out);

/**
 * Firebase's order of two matches of a query ordered by `orderBy`: by value, equal values by key
 * (compareKeys); "$key" by key alone. True when `a` comes first.
 */
bool matchBefore(const Match& a, const Match& b, const std::string& orderBy);

/**
 * Reads the REST answer `body` of a query ordered by `orderBy` (a child name, "$key" or "$value")
 * into `out`, sorted by the ordered value, ties by key. `null` is no match. Returns false when the
 * body is not JSON or neither an object nor null.
 */
bool collectMatches(const std::string& body, const std::string& orderBy, std::vector<Match>& out);

/** The same for an answer already parsed (a stream's `put` of "/"). */
bool collectMatches(const cJSON* answer, const std::string& orderBy, std::vector<Match>& out);

}  // namespace a5
