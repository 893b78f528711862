#include <gtest/gtest.h>

#include "../../src/app/a5_settings.h"

TEST(A5ParseSettings, DefaultsToZoneAndLab) {
  a5::Settings s;
  std::string problem;
  ASSERT_TRUE(a5::parseSettings("{}", s, problem));
  EXPECT_EQ(s.orderBy, "zone");
  EXPECT_EQ(s.prefix, "lab");
  EXPECT_TRUE(s.readings.empty());
  EXPECT_EQ(s.limitToFirst, 0u);
  EXPECT_FALSE(s.live);
}

TEST(A5ParseSettings, ReadsEveryField) {
  a5::Settings s;
  std::string problem;
  ASSERT_TRUE(a5::parseSettings(
      R"({"orderBy":"label","prefix":"","readings":[{"zone":"a b"},{"label":7}],"limitToLast":2})", s, problem))
      << problem;
  EXPECT_EQ(s.orderBy, "label");
  EXPECT_EQ(s.prefix, "");
  ASSERT_EQ(s.readings.size(), 2u);
  EXPECT_EQ(s.readings[0], R"({"zone":"a b"})");
  EXPECT_EQ(s.readings[1], R"({"label":7})");
  EXPECT_EQ(s.limitToLast, 2u);
  ASSERT_TRUE(a5::parseSettings(R"({"orderBy":"$key"})", s, problem));
  EXPECT_EQ(s.orderBy, "$key");
  ASSERT_TRUE(a5::parseSettings(R"({"orderBy":"$value","live":true})", s, problem)) << problem;
  EXPECT_EQ(s.orderBy, "$value");
  EXPECT_TRUE(s.live);
}

TEST(A5ParseSettings, RejectsWhatWouldMakeABadQuery) {
  a5::Settings s;
  std::string problem;
  EXPECT_FALSE(a5::parseSettings(R"({"orderBy":"a/b"})", s, problem));
  EXPECT_NE(problem.find("app.orderBy"), std::string::npos);
  EXPECT_FALSE(a5::parseSettings(R"({"orderBy":"$priority"})", s, problem));
  EXPECT_FALSE(a5::parseSettings(R"({"orderBy":"$val"})", s, problem));
  EXPECT_FALSE(a5::parseSettings(R"({"orderBy":""})", s, problem));
  EXPECT_FALSE(a5::parseSettings(R"({"prefix":3})", s, problem));
  EXPECT_NE(problem.find("app.prefix"), std::string::npos);
  EXPECT_FALSE(a5::parseSettings(R"({"readings":[1]})", s, problem));
  EXPECT_FALSE(a5::parseSettings(R"({"limitToFirst":0})", s, problem));
  EXPECT_FALSE(a5::parseSettings(R"({"limitToFirst":1.5})", s, problem));
  EXPECT_FALSE(a5::parseSettings(R"({"limitToFirst":1,"limitToLast":1})", s, problem));
  EXPECT_NE(problem.find("both"), std::string::npos);
  EXPECT_FALSE(a5::parseSettings(R"({"live":"yes"})", s, problem));
  EXPECT_NE(problem.find("app.live"), std::string::npos);
  EXPECT_FALSE(a5::parseSettings("[]", s, problem));
}
