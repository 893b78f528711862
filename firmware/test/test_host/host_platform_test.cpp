#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "../fakes/fakes.h"
#include "iotkit/host/event_writer.h"
#include "iotkit/host/input_source.h"
#include "iotkit/host/virtual_board.h"

using iotkit::host::Input;
using iotkit::host::InputType;

TEST(ParseInputLine, AcceptsEveryInputType) {
  Input in;
  std::string problem;
  ASSERT_TRUE(iotkit::host::parseInputLine("{\"type\":\"ir\",\"value\":2048}", in, problem));
  EXPECT_EQ(in.type, InputType::Ir);
  EXPECT_EQ(in.value, 2048);
  ASSERT_TRUE(iotkit::host::parseInputLine("{\"type\":\"key\",\"key\":\"#\",\"at\":250}", in, problem));
  EXPECT_EQ(in.type, InputType::Key);
  EXPECT_EQ(in.key, '#');
  EXPECT_EQ(in.at, 250u);
  ASSERT_TRUE(iotkit::host::parseInputLine("{\"type\":\"quit\"}", in, problem));
  EXPECT_EQ(in.type, InputType::Quit);
  ASSERT_TRUE(iotkit::host::parseInputLine("{\"type\":\"mark\",\"id\":7}", in, problem));
  EXPECT_EQ(in.type, InputType::Mark);
  EXPECT_EQ(in.value, 7);
}

TEST(ParseInputLine, RejectsBadLinesWithAReason) {
  const char* bad[] = {"nope", "[]", "{}", "{\"type\":\"ir\"}", "{\"type\":\"ir\",\"value\":1.5}",
                       "{\"type\":\"key\",\"key\":\"E\"}", "{\"type\":\"key\",\"key\":\"12\"}",
                       "{\"type\":\"dance\"}", "{\"type\":\"quit\",\"at\":-1}", "{\"type\":\"mark\"}",
                       "{\"type\":\"mark\",\"id\":-1}", "{\"type\":\"mark\",\"id\":0.5}"};
  for (const char* line : bad) {
    Input in;
    std::string problem;
    EXPECT_FALSE(iotkit::host::parseInputLine(line, in, problem)) << line;
    EXPECT_FALSE(problem.empty()) << line;
  }
}

TEST(InputSource, ScenarioInputsArriveWhenTheirTimeComes) {
  const std::string path = ::testing::TempDir() + "iotkit-scenario.jsonl";
  {
    std::ofstream out(path);
    out << "{\"type\":\"key\",\"key\":\"1\",\"at\":100}\n\n{\"type\":\"ir\",\"value\":5,\"at\":0}\n";
  }
  iotkit::host::InputSource source;
  std::string problem;
  ASSERT_TRUE(source.loadScenario(path.c_str(), problem)) << problem;
  std::vector<Input> due;
  std::vector<std::string> problems;
  source.poll(50, due, problems);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].type, InputType::Ir);
  due.clear();
  source.poll(100, due, problems);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].key, '1');
}

TEST(InputSource, BadScenarioNamesTheLine) {
  const std::string path = ::testing::TempDir() + "iotkit-bad-scenario.jsonl";
  {
    std::ofstream out(path);
    out << "{\"type\":\"ir\",\"value\":1}\n{\"type\":\"jump\"}\n";
  }
  iotkit::host::InputSource source;
  std::string problem;
  EXPECT_FALSE(source.loadScenario(path.c_str(), problem));
  EXPECT_NE(problem.find("line 2"), std::string::npos) << problem;
  EXPECT_FALSE(source.loadScenario("/nonexistent/x.jsonl", problem));
}

namespace {
std::string captured(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  char buffer[512];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) text.append(buffer, n);
  return text;
}
}  // namespace

TEST(EventWriter, EmitsProtocolLinesWithClockTime) {
  std::FILE* file = std::tmpfile();
  fakes::FakeClock clock;
  clock.now = 42;
  iotkit::host::EventWriter events(clock, file);
  events.boot("demo");
  events.servo(90);
  events.http("GET", "http://h/x.json?ns=a&auth=SECRET", 200, 3, "");
  events.log(iotkit::LogLevel::Warn, "careful \"quoted\"");
  events.mark(3);
  EXPECT_EQ(captured(file),
            "{\"type\":\"boot\",\"t\":42,\"app\":\"demo\"}\n"
            "{\"type\":\"servo\",\"t\":42,\"angle\":90}\n"
            "{\"type\":\"http\",\"t\":42,\"method\":\"GET\",\"url\":\"http://h/x.json?ns=a&auth=<redacted>\","
            "\"status\":200,\"ms\":3}\n"
            "{\"type\":\"log\",\"t\":42,\"level\":\"warn\",\"msg\":\"careful \\\"quoted\\\"\"}\n"
            "{\"type\":\"mark\",\"t\":42,\"id\":3}\n");
  std::fclose(file);
}

TEST(VirtualDisplay, OneEventPerChangedFrameWithTrimmedRows) {
  std::FILE* file = std::tmpfile();
  fakes::FakeClock clock;
  iotkit::host::EventWriter events(clock, file);
  iotkit::host::VirtualDisplay display(events);
  display.showLine(0, "IR 2048         ");
  display.showLine(1, "Angle 90        ");
  display.flushEvent();
  display.showLine(0, "IR 2048         ");
  display.flushEvent();
  EXPECT_EQ(captured(file), "{\"type\":\"lcd\",\"t\":0,\"lines\":[\"IR 2048\",\"Angle 90\"]}\n");
  std::fclose(file);
}

TEST(VirtualServo, ClampsAndSuppressesRepeats) {
  std::FILE* file = std::tmpfile();
  fakes::FakeClock clock;
  iotkit::host::EventWriter events(clock, file);
  iotkit::host::VirtualServo servo(events);
  servo.write(200);
  servo.write(180);
  servo.write(-5);
  EXPECT_EQ(captured(file),
            "{\"type\":\"servo\",\"t\":0,\"angle\":180}\n{\"type\":\"servo\",\"t\":0,\"angle\":0}\n");
  std::fclose(file);
}

TEST(RecordingTransport, ReportsEveryExchange) {
  std::FILE* file = std::tmpfile();
  fakes::FakeClock clock;
  iotkit::host::EventWriter events(clock, file);
  fakes::RecordingTransport inner;
  inner.reply(201, "{}");
  inner.fail(iotkit::TransportError::ConnectFailed);
  iotkit::host::RecordingTransport http(inner, clock, events);
  iotkit::HttpRequest request;
  iotkit::HttpResponse response;
  request.method = iotkit::HttpMethod::Put;
  request.url = "http://h/a.json?auth=x";
  http.send(request, response);
  http.send(request, response);
  EXPECT_EQ(captured(file),
            "{\"type\":\"http\",\"t\":0,\"method\":\"PUT\",\"url\":\"http://h/a.json?auth=<redacted>\",\"status\":201,"
            "\"ms\":0}\n"
            "{\"type\":\"http\",\"t\":0,\"method\":\"PUT\",\"url\":\"http://h/a.json?auth=<redacted>\",\"status\":0,"
            "\"ms\":0,\"error\":\"connect-failed\"}\n");
  std::fclose(file);
}
