// `pio test -e native` runs this with PlatformIO's googletest; the host CMake build runs it
// through iotkit_add_tests() in device.cmake.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "../../src/app/a1_settings.h"

TEST(A1ParseSettings, DefaultsWhenEmpty) {
  a1::Settings s;
  std::string problem;
  ASSERT_TRUE(a1::parseSettings("{}", s, problem));
  EXPECT_EQ(s.device, "a1-device");
  EXPECT_EQ(s.mqttHost, "127.0.0.1");
  EXPECT_EQ(s.mqttPort, 1883);
  EXPECT_TRUE(s.mqttUser.empty());
  EXPECT_EQ(s.intervalMs, 1000u);
  EXPECT_TRUE(s.http);
}

TEST(A1ParseSettings, ReadsEveryField) {
  a1::Settings s;
  std::string problem;
  ASSERT_TRUE(a1::parseSettings(
      R"({"device":"bench-7","mqttHost":"10.0.0.2","mqttPort":18830,"mqttUser":"u","mqttPassword":"p","intervalMs":250,"http":false})",
      s, problem))
      << problem;
  EXPECT_EQ(s.device, "bench-7");
  EXPECT_EQ(s.mqttHost, "10.0.0.2");
  EXPECT_EQ(s.mqttPort, 18830);
  EXPECT_EQ(s.mqttUser, "u");
  EXPECT_EQ(s.mqttPassword, "p");
  EXPECT_EQ(s.intervalMs, 250u);
  EXPECT_FALSE(s.http);
}

TEST(A1ParseSettings, NamesTheWrongFieldAndKeepsTheOldSettings) {
  struct Case {
    const char* json;
    const char* field;
  };
  const Case cases[] = {
      {R"({"device":"a/b"})", "app.device"},      {R"({"device":"#"})", "app.device"},
      {R"({"device":""})", "app.device"},         {R"({"device":7})", "app.device"},
      {R"({"mqttPort":0})", "app.mqttPort"},      {R"({"mqttPort":70000})", "app.mqttPort"},
      {R"({"mqttPort":"1883"})", "app.mqttPort"}, {R"({"intervalMs":99})", "app.intervalMs"},
      {R"({"intervalMs":1.5e3})", nullptr},       {R"({"intervalMs":250.5})", "app.intervalMs"},
      {R"({"http":"yes"})", "app.http"},          {R"({"mqttHost":""})", "app.mqttHost"},
  };
  for (const Case& c : cases) {
    a1::Settings s;
    s.device = "kept";
    std::string problem;
    const bool ok = a1::parseSettings(c.json, s, problem);
    if (c.field == nullptr) {
      EXPECT_TRUE(ok) << c.json << ": " << problem;
      continue;
    }
    EXPECT_FALSE(ok) << c.json;
    EXPECT_NE(problem.find(c.field), std::string::npos) << c.json << ": " << problem;
    EXPECT_EQ(s.device, "kept") << c.json;
  }
  a1::Settings s;
  std::string problem;
  EXPECT_FALSE(a1::parseSettings("[1]", s, problem));
  EXPECT_FALSE(a1::parseSettings("not json", s, problem));
}

TEST(A1ParseCommand, ReadsTheIntervalAndRefusesTheRest) {
  uint32_t interval = 0;
  std::string problem;
  const char* good = R"({"intervalMs":500})";
  ASSERT_TRUE(a1::parseCommand(good, std::strlen(good), interval, problem)) << problem;
  EXPECT_EQ(interval, 500u);
  // The payload is not NUL-terminated on the wire: only `length` bytes count.
  const char* padded = R"({"intervalMs":750}garbage)";
  ASSERT_TRUE(a1::parseCommand(padded, 18, interval, problem)) << problem;
  EXPECT_EQ(interval, 750u);
  const char* unknown = R"({"reboot":true})";
  EXPECT_FALSE(a1::parseCommand(unknown, std::strlen(unknown), interval, problem));
  EXPECT_NE(problem.find("unknown command"), std::string::npos);
  const char* tooFast = R"({"intervalMs":5})";
  EXPECT_FALSE(a1::parseCommand(tooFast, std::strlen(tooFast), interval, problem));
  EXPECT_NE(problem.find("intervalMs"), std::string::npos);
  EXPECT_FALSE(a1::parseCommand("nope", 4, interval, problem));
  EXPECT_EQ(interval, 750u);
}

#ifndef IOTKIT_GTEST_MAIN_LINKED
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
#endif
