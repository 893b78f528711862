#include <gtest/gtest.h>

#include "../../src/app/a3_settings.h"

TEST(A3ParseSettings, DefaultsToTheOwnSubtree) {
  a3::Settings s;
  std::string problem;
  ASSERT_TRUE(a3::parseSettings("{}", s, problem));
  EXPECT_TRUE(s.target.empty());
}

TEST(A3ParseSettings, ReadsTheTarget) {
  a3::Settings s;
  std::string problem;
  ASSERT_TRUE(a3::parseSettings(R"({"target":"uid-2"})", s, problem));
  EXPECT_EQ(s.target, "uid-2");
}

TEST(A3ParseSettings, RejectsATargetThatIsNotOneKey) {
  a3::Settings s;
  std::string problem;
  EXPECT_FALSE(a3::parseSettings(R"({"target":"a/b"})", s, problem));
  EXPECT_NE(problem.find("app.target"), std::string::npos);
  EXPECT_FALSE(a3::parseSettings(R"({"target":"a.b"})", s, problem));
  EXPECT_FALSE(a3::parseSettings(R"({"target":7})", s, problem));
  EXPECT_NE(problem.find("string"), std::string::npos);
  EXPECT_FALSE(a3::parseSettings("[]", s, problem));
  EXPECT_FALSE(a3::parseSettings("nope", s, problem));
}
