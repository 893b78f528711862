#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "iotkit/rtdb/sse_parser.h"

namespace {

struct Collector : iotkit::SseHandler {
  void onSseEvent(const char* event, const char* data, size_t length) override {
    events.push_back(std::string(event) + "|" + std::string(data, length));
  }
  void onSseOverflow() override { ++overflows; }
  std::vector<std::string> events;
  int overflows = 0;
};

// What the RTDB sends: a put with the initial value, a keep-alive, a patch.
const std::string kWire =
    "event: put\n"
    "data: {\"path\":\"/\",\"data\":{\"angle\":90}}\n"
    "\n"
    "event: keep-alive\n"
    "data: null\n"
    "\n"
    "event: patch\r\n"
    "data: {\"path\":\"/\",\"data\":{\"angle\":45}}\r\n"
    "\r\n";

const std::vector<std::string> kExpected = {
    "put|{\"path\":\"/\",\"data\":{\"angle\":90}}",
    "keep-alive|null",
    "patch|{\"path\":\"/\",\"data\":{\"angle\":45}}",
};

}  // namespace

TEST(SseParser, WholeBuffer) {
  iotkit::SseParser parser;
  Collector c;
  parser.feed(kWire.data(), kWire.size(), c);
  EXPECT_EQ(c.events, kExpected);
}

TEST(SseParser, ByteByByte) {
  iotkit::SseParser parser;
  Collector c;
  for (char byte : kWire) parser.feed(&byte, 1, c);
  EXPECT_EQ(c.events, kExpected);
}

TEST(SseParser, EverySplitPointInTwoChunks) {
  for (size_t split = 0; split <= kWire.size(); ++split) {
    iotkit::SseParser parser;
    Collector c;
    parser.feed(kWire.data(), split, c);
    parser.feed(kWire.data() + split, kWire.size() - split, c);
    ASSERT_EQ(c.events, kExpected) << "split at " << split;
  }
}

TEST(SseParser, EveryPairOfSplitPointsInThreeChunks) {
  for (size_t a = 0; a <= kWire.size(); ++a) {
    for (size_t b = a; b <= kWire.size(); b += 3) {
      iotkit::SseParser parser;
      Collector c;
      parser.feed(kWire.data(), a, c);
      parser.feed(kWire.data() + a, b - a, c);
      parser.feed(kWire.data() + b, kWire.size() - b, c);
      ASSERT_EQ(c.events, kExpected) << a << "," << b;
    }
  }
}

TEST(SseParser, CarriageReturnOnlyLineEnds) {
  iotkit::SseParser parser;
  Collector c;
  const std::string wire = "event: put\rdata: 1\r\r";
  for (char byte : wire) parser.feed(&byte, 1, c);
  EXPECT_EQ(c.events, std::vector<std::string>{"put|1"});
}

TEST(SseParser, MultipleDataLinesJoinWithNewline) {
  iotkit::SseParser parser;
  Collector c;
  const std::string wire = "data: a\ndata:b\ndata\n\n";
  parser.feed(wire.data(), wire.size(), c);
  EXPECT_EQ(c.events, std::vector<std::string>{"message|a\nb\n"});
}

TEST(SseParser, CommentsAndUnknownFieldsAreIgnored) {
  iotkit::SseParser parser;
  Collector c;
  const std::string wire = ": hello\nid: 7\nretry: 10\nevent: put\ndata: x\n\n";
  parser.feed(wire.data(), wire.size(), c);
  EXPECT_EQ(c.events, std::vector<std::string>{"put|x"});
}

TEST(SseParser, EventWithoutDataIsNotDispatched) {
  iotkit::SseParser parser;
  Collector c;
  const std::string wire = "event: put\n\n\n\ndata: y\n\n";
  parser.feed(wire.data(), wire.size(), c);
  EXPECT_EQ(c.events, std::vector<std::string>{"message|y"}) << "the event name does not leak into the next event";
}

TEST(SseParser, OnlyOneLeadingSpaceIsStripped) {
  iotkit::SseParser parser;
  Collector c;
  const std::string wire = "data:  two\n\n";
  parser.feed(wire.data(), wire.size(), c);
  EXPECT_EQ(c.events, std::vector<std::string>{"message| two"});
}

TEST(SseParser, OversizedEventIsDroppedAndTheNextOneSurvives) {
  iotkit::SseParser parser(16);
  Collector c;
  const std::string wire = "event: put\ndata: 0123456789abcdefXYZ\n\nevent: put\ndata: ok\n\n";
  for (char byte : wire) parser.feed(&byte, 1, c);
  EXPECT_EQ(c.overflows, 1);
  EXPECT_EQ(c.events, std::vector<std::string>{"put|ok"});
}

TEST(SseParser, LongCommentDoesNotOverflow) {
  iotkit::SseParser parser(8);
  Collector c;
  const std::string wire = ": " + std::string(100, 'z') + "\ndata: ok\n\n";
  parser.feed(wire.data(), wire.size(), c);
  EXPECT_EQ(c.overflows, 0);
  EXPECT_EQ(c.events, std::vector<std::string>{"message|ok"});
}

TEST(SseParser, ResetDropsPartialEvent) {
  iotkit::SseParser parser;
  Collector c;
  const std::string partial = "event: put\ndata: half";
  parser.feed(partial.data(), partial.size(), c);
  parser.reset();
  const std::string rest = "\n\ndata: b\n\n";
  parser.feed(rest.data(), rest.size(), c);
  EXPECT_EQ(c.events, std::vector<std::string>{"message|b"});
}
