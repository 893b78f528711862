#include <gtest/gtest.h>

#include <string>

#include "iotkit/mqtt/mqtt_topic.h"

using iotkit::mqttTopicFilterProblem;
using iotkit::mqttTopicNameProblem;

TEST(MqttTopicName, AcceptsPlainTopicsIncludingEmptyLevelsAndDollar) {
  for (const char* topic : {"iotkit/dev-1/ir", "a", "/", "a//b", "$SYS/x", "with space/ü"}) {
    EXPECT_EQ(mqttTopicNameProblem(topic), nullptr) << topic;
  }
}

TEST(MqttTopicName, RefusesWildcardsEmptyNullAndTooLong) {
  EXPECT_STREQ(mqttTopicNameProblem("a/+/b"), "a topic name cannot contain the wildcards + or #");
  EXPECT_STREQ(mqttTopicNameProblem("a/#"), "a topic name cannot contain the wildcards + or #");
  EXPECT_STREQ(mqttTopicNameProblem(""), "a topic cannot be empty");
  EXPECT_STREQ(mqttTopicNameProblem(nullptr), "no topic given");
  EXPECT_EQ(mqttTopicNameProblem(std::string(256, 'a').c_str()), nullptr);
  EXPECT_STREQ(mqttTopicNameProblem(std::string(257, 'a').c_str()), "the topic is longer than 256 bytes");
}

TEST(MqttTopicFilter, AcceptsWholeLevelWildcards) {
  for (const char* filter : {"#", "+", "a/+", "+/b", "a/+/c", "a/#", "+/+/#", "iotkit/dev/cmd", "/+"}) {
    EXPECT_EQ(mqttTopicFilterProblem(filter), nullptr) << filter;
  }
}

TEST(MqttTopicFilter, RefusesWildcardsInsideALevelOrHashBeforeTheEnd) {
  EXPECT_STREQ(mqttTopicFilterProblem("a+"), "+ must be a whole level of the filter");
  EXPECT_STREQ(mqttTopicFilterProblem("a/+b/c"), "+ must be a whole level of the filter");
  EXPECT_STREQ(mqttTopicFilterProblem("a/#/c"), "# must be the whole last level of the filter");
  EXPECT_STREQ(mqttTopicFilterProblem("a#"), "# must be the whole last level of the filter");
  EXPECT_STREQ(mqttTopicFilterProblem("#/"), "# must be the whole last level of the filter");
  EXPECT_STREQ(mqttTopicFilterProblem(""), "a topic cannot be empty");
}
