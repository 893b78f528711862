#include <gtest/gtest.h>

#include "iotkit/app/device_config.h"
#include "iotkit/json/json_doc.h"

using iotkit::JsonDoc;

TEST(JsonDoc, BuildsServerTimestampPlaceholder) {
  JsonDoc doc = JsonDoc::object();
  doc.set("ir", 12).setServerTimestamp("ts");
  std::string out;
  ASSERT_TRUE(doc.print(out));
  EXPECT_EQ(out, "{\"ir\":12,\"ts\":{\".sv\":\"timestamp\"}}");
}

TEST(JsonDoc, RejectsMalformedText) {
  JsonDoc doc;
  EXPECT_FALSE(doc.parse("{\"a\":"));
  EXPECT_FALSE(doc.valid());
  EXPECT_TRUE(doc.parse("null"));
  EXPECT_TRUE(doc.isNull());
}

TEST(JsonDoc, ParseHonoursLengthNotNul) {
  JsonDoc doc;
  const char text[] = "{\"a\":1}garbage";
  EXPECT_TRUE(doc.parse(text, 7));
}

TEST(JsonFields, TypedLookups) {
  JsonDoc doc;
  ASSERT_TRUE(doc.parse("{\"n\":2.5,\"i\":7,\"s\":\"x\",\"big\":1e20}"));
  double n = 0;
  int32_t i = 0;
  std::string s;
  EXPECT_TRUE(iotkit::jsonNumber(doc.root(), "n", n));
  EXPECT_DOUBLE_EQ(n, 2.5);
  EXPECT_FALSE(iotkit::jsonInt(doc.root(), "n", i)) << "2.5 is not an int";
  EXPECT_TRUE(iotkit::jsonInt(doc.root(), "i", i));
  EXPECT_EQ(i, 7);
  EXPECT_FALSE(iotkit::jsonInt(doc.root(), "big", i)) << "out of int32 range";
  EXPECT_FALSE(iotkit::jsonString(doc.root(), "n", s));
  EXPECT_TRUE(iotkit::jsonString(doc.root(), "s", s));
  EXPECT_FALSE(iotkit::jsonNumber(nullptr, "n", n));
}

TEST(AppendJsonString, EscapesQuotesControlsAndKeepsUtf8) {
  std::string out;
  iotkit::appendJsonString(out, "a\"b\\c\n\x01\xEF\xA3\xBF");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\xEF\xA3\xBF\"");
  JsonDoc doc;
  EXPECT_TRUE(doc.parse(out)) << "the result must be valid JSON";
}

TEST(DeviceConfig, ParsesFieldsAndKeepsAppObject) {
  iotkit::DeviceConfig config;
  std::string problem;
  ASSERT_EQ(iotkit::parseDeviceConfig("{\"rtdbUrl\":\"http://x:1\",\"namespace\":\"s1\",\"email\":\"e@x\","
                                      "\"app\":{\"pin\":\"1234\"},\"extra\":1}",
                                      config, problem),
            iotkit::ConfigStatus::Ok)
      << problem;
  EXPECT_EQ(config.rtdbUrl, "http://x:1");
  EXPECT_EQ(config.ns, "s1");
  EXPECT_EQ(config.authUrl, "http://127.0.0.1:9099") << "defaults stay";
  EXPECT_EQ(config.appJson, "{\"pin\":\"1234\"}");
}

TEST(DeviceConfig, WrongTypesNameTheField) {
  iotkit::DeviceConfig config;
  std::string problem;
  EXPECT_EQ(iotkit::parseDeviceConfig("{\"apiKey\":5}", config, problem), iotkit::ConfigStatus::WrongType);
  EXPECT_NE(problem.find("apiKey"), std::string::npos);
  EXPECT_EQ(iotkit::parseDeviceConfig("{\"app\":[]}", config, problem), iotkit::ConfigStatus::WrongType);
  EXPECT_EQ(iotkit::parseDeviceConfig("[1]", config, problem), iotkit::ConfigStatus::NotObject);
  EXPECT_EQ(iotkit::parseDeviceConfig("{", config, problem), iotkit::ConfigStatus::NotJson);
}
