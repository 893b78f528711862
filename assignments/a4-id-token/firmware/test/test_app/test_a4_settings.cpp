// `pio test -e native` runs this with PlatformIO's googletest; the host CMake build runs it
// through iotkit_add_tests() in device.cmake.
#include <gtest/gtest.h>

#include "../../src/app/a4_settings.h"

TEST(A4ParseSettings, DefaultsWhenEmpty) {
  a4::Settings s;
  std::string problem;
  ASSERT_TRUE(a4::parseSettings("{}", s, problem));
  EXPECT_EQ(s.readingIntervalMs, 1000u);
  EXPECT_EQ(s.refreshMarginMs, 300000u);
}

TEST(A4ParseSettings, ReadsEveryFieldAndIgnoresOthers) {
  a4::Settings s;
  std::string problem;
  ASSERT_TRUE(a4::parseSettings(R"({"readingIntervalMs":250,"refreshMarginMs":0,"storeNote":"x"})", s, problem));
  EXPECT_EQ(s.readingIntervalMs, 250u);
  EXPECT_EQ(s.refreshMarginMs, 0u);
}

TEST(A4ParseSettings, RejectsBadValuesNamingTheFieldAndKeepsTheOldSettings) {
  a4::Settings s;
  std::string problem;
  EXPECT_FALSE(a4::parseSettings(R"({"readingIntervalMs":99})", s, problem));
  EXPECT_NE(problem.find("app.readingIntervalMs"), std::string::npos);
  EXPECT_FALSE(a4::parseSettings(R"({"readingIntervalMs":500,"refreshMarginMs":-1})", s, problem));
  EXPECT_NE(problem.find("app.refreshMarginMs"), std::string::npos);
  EXPECT_EQ(s.readingIntervalMs, 1000u);
  EXPECT_FALSE(a4::parseSettings(R"({"refreshMarginMs":"5m"})", s, problem));
  EXPECT_FALSE(a4::parseSettings("[1]", s, problem));
  EXPECT_FALSE(a4::parseSettings("not json", s, problem));
}

#ifndef IOTKIT_GTEST_MAIN_LINKED
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
#endif
