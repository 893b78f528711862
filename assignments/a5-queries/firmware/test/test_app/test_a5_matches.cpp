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

TEST(A5CollectMatches, ValueOrderReadsThePlainStrings) {
  std::vector<a5::Match> out;
  ASSERT_TRUE(a5::collectMatches(R"({"k1":"lab-2","k2":"lab-1","k3":7,"k4":{"zone":"lab-0"},"k0":"lab-1"})", "$value", out));
  EXPECT_EQ(keysOf(out), "k0,k2,k1");
  EXPECT_EQ(out[2].value, "lab-2");
}

TEST(A5CollectMatches, ParsedAnswerAsAStreamDeliversIt) {
  iotkit::JsonDoc doc;
  ASSERT_TRUE(doc.parse(R"({"b":{"zone":"lab-1"},"a":{"zone":"lab-1"}})"));
  std::vector<a5::Match> out{{"stale", "x"}};
  ASSERT_TRUE(a5::collectMatches(doc.root(), "zone", out));
  EXPECT_EQ(keysOf(out), "a,b");
  ASSERT_TRUE(a5::collectMatches(static_cast<const cJSON*>(nullptr), "zone", out));
  EXPECT_TRUE(out.empty());
}

TEST(A5MatchOf, ValueKeyAndChild) {
  iotkit::JsonDoc doc;
  ASSERT_TRUE(doc.parse(R"({"label":"lab 2","zone":12})"));
  a5::Match m;
  ASSERT_TRUE(a5::matchOf("-Oa", doc.root(), "label", m));
  EXPECT_EQ(m.key, "-Oa");
  EXPECT_EQ(m.value, "lab 2");
  EXPECT_FALSE(a5::matchOf("-Oa", doc.root(), "zone", m)) << "a number is no string match";
  EXPECT_FALSE(a5::matchOf("-Oa", doc.root(), "sensor", m)) << "a missing child is no match";
  ASSERT_TRUE(a5::matchOf("lab-a", doc.root(), "$key", m));
  EXPECT_EQ(m.value, "lab-a");
  EXPECT_FALSE(a5::matchOf("-Oa", doc.root(), "$value", m)) << "an object is not a plain value";
  iotkit::JsonDoc plain;
  ASSERT_TRUE(plain.parse(R"("Zürich")"));
  ASSERT_TRUE(a5::matchOf("-Ob", plain.root(), "$value", m));
  EXPECT_EQ(m.value, "Zürich");
}

TEST(A5MatchBefore, ValueThenKeyAndKeyAlone) {
  EXPECT_TRUE(a5::matchBefore({"b", "lab-1"}, {"a", "lab-2"}, "zone"));
  EXPECT_TRUE(a5::matchBefore({"a", "lab-1"}, {"b", "lab-1"}, "zone"));
  EXPECT_FALSE(a5::matchBefore({"b", "lab-1"}, {"a", "lab-1"}, "zone"));
  EXPECT_FALSE(a5::matchBefore({"a", "lab-1"}, {"a", "lab-1"}, "$value"));
  EXPECT_TRUE(a5::matchBefore({"9", "9"}, {"10", "10"}, "$key")) << "integer keys by number";
}
