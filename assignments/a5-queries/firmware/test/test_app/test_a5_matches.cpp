#include <gtest/gtest.h>

#include "../../src/app/a5_matches.h"

namespace {

std::string keysOf(const std::vector<a5::Match>& matches) {
  std::string out;
  for (const auto& m : matches) out += (out.empty() ? "" : ",") + m.key;
  return out;
}

}  // namespace

TEST(A5CompareKeys, IntegerKeysFirstByNumberThenStrings) {
  EXPECT_LT(a5::compareKeys("9", "10"), 0);
  EXPECT_LT(a5::compareKeys("-3", "2"), 0);
  EXPECT_LT(a5::compareKeys("10", "a"), 0);
  EXPECT_GT(a5::compareKeys("010", "9"), 0);  // a leading zero makes it a string key
  EXPECT_LT(a5::compareKeys("-Oa", "-Ob"), 0);
  EXPECT_EQ(a5::compareKeys("x", "x"), 0);
  EXPECT_GT(a5::compareKeys("99999999999", "1"), 0);  // past 32 bits: a string, after numbers
}

TEST(A5CollectMatches, SortsByValueThenKey) {
  std::vector<a5::Match> out;
  ASSERT_TRUE(a5::collectMatches(
      R"({"k3":{"zone":"lab-1"},"k1":{"zone":"lab-2"},"k2":{"zone":"lab-1"},"k4":{"ir":5},"k5":{"zone":12}})", "zone",
      out));
  EXPECT_EQ(keysOf(out), "k2,k3,k1");
  EXPECT_EQ(out[0].value, "lab-1");
}

TEST(A5CollectMatches, KeyOrderAndEmptyAnswers) {
  std::vector<a5::Match> out;
  ASSERT_TRUE(a5::collectMatches(R"({"b":{},"10":{},"a":{},"9":{}})", "$key", out));
  EXPECT_EQ(keysOf(out), "9,10,a,b");
  ASSERT_TRUE(a5::collectMatches("null", "zone", out));
  EXPECT_TRUE(out.empty());
  EXPECT_FALSE(a5::collectMatches("[1]", "zone", out));
  EXPECT_FALSE(a5::collectMatches("{", "zone", out));
}

TEST(A5CollectMatches, UnicodeInCodePointOrder) {
  std::vector<a5::Match> out;
  ASSERT_TRUE(a5::collectMatches(R"({"a":{"zone":"z\u00fc"},"b":{"zone":"zz"},"c":{"zone":"z\u00e9"}})", "zone", out));
  EXPECT_EQ(keysOf(out), "b,c,a");
}
