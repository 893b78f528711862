// `pio test -e native` runs this with PlatformIO's googletest; the host CMake build runs it
// through iotkit_add_tests() in device.cmake.
#include <gtest/gtest.h>

#include "../../src/app/a2_settings.h"

TEST(A2ParseSettings, DefaultsWhenEmpty) {
  a2::Settings s;
  std::string problem;
  ASSERT_TRUE(a2::parseSettings("{}", s, problem));
  EXPECT_EQ(s.mode, a2::AngleSource::Local);
  EXPECT_EQ(s.readingIntervalMs, 1000u);
  EXPECT_EQ(s.maxAttempts, 3u);
  EXPECT_EQ(s.lockoutMs, 30000u);
}

TEST(A2ParseSettings, ReadsEveryField) {
  a2::Settings s;
  std::string problem;
  ASSERT_TRUE(a2::parseSettings(R"({"mode":"function","readingIntervalMs":250,"maxAttempts":5,"lockoutMs":0})", s, problem));
  EXPECT_EQ(s.mode, a2::AngleSource::Function);
  EXPECT_EQ(s.readingIntervalMs, 250u);
  EXPECT_EQ(s.maxAttempts, 5u);
  EXPECT_EQ(s.lockoutMs, 0u);
}

TEST(A2ParseSettings, RejectsBadValuesNamingTheField) {
  a2::Settings s;
  std::string problem;
  EXPECT_FALSE(a2::parseSettings(R"({"mode":"cloud"})", s, problem));
  EXPECT_NE(problem.find("app.mode"), std::string::npos);
  EXPECT_FALSE(a2::parseSettings(R"({"readingIntervalMs":10})", s, problem));
  EXPECT_NE(problem.find("app.readingIntervalMs"), std::string::npos);
  EXPECT_FALSE(a2::parseSettings(R"({"maxAttempts":2.5})", s, problem));
  EXPECT_NE(problem.find("app.maxAttempts"), std::string::npos);
  EXPECT_FALSE(a2::parseSettings("[1]", s, problem));
  EXPECT_FALSE(a2::parseSettings("not json", s, problem));
}

#ifndef IOTKIT_GTEST_MAIN_LINKED
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
#endif
