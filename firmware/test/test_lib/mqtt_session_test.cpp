#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fakes/fake_mqtt_client.h"
#include "fakes/fakes.h"
#include "iotkit/mqtt/mqtt_session.h"

namespace {

class RecordingLog : public iotkit::Logger {
 public:
  void log(iotkit::LogLevel, const char* message) override { lines.emplace_back(message); }
  bool contains(const std::string& text) const {
    for (const auto& line : lines)
      if (line.find(text) != std::string::npos) return true;
    return false;
  }
  std::vector<std::string> lines;
};

iotkit::MqttSessionSettings deviceSettings() {
  iotkit::MqttSessionSettings s;
  s.host = "broker.local";
  s.port = 1884;
  s.clientId = "dev-1";
  s.statusTopic = "iotkit/dev-1/status";
  s.firstRetryMs = 1000;
  s.maxRetryMs = 4000;
  s.connectTimeoutMs = 5000;
  return s;
}

class MqttSessionTest : public ::testing::Test {
 protected:
  fakes::FakeMqttClient client;
  fakes::FakeClock clock;
  RecordingLog log;
  iotkit::MqttSession session{client, clock, log};

  void connectNow() {
    ASSERT_EQ(session.begin(deviceSettings()), iotkit::MqttError::None);
    client.accept();
    session.poll();
  }
};

}  // namespace

TEST_F(MqttSessionTest, BeginConnectsWithTheSettingsAndAnOfflineWill) {
  ASSERT_EQ(session.begin(deviceSettings()), iotkit::MqttError::None);
  EXPECT_EQ(client.connectCalls, 1);
  EXPECT_EQ(client.host, "broker.local");
  EXPECT_EQ(client.port, 1884);
  EXPECT_EQ(client.clientId, "dev-1");
  EXPECT_EQ(client.username, "<none>");
  EXPECT_EQ(client.willTopic, "iotkit/dev-1/status");
  EXPECT_EQ(client.willPayload, "offline");
  EXPECT_TRUE(client.willRetain);
}

TEST_F(MqttSessionTest, OnConnectAnnouncesOnlineRetainedAndSubscribes) {
  ASSERT_EQ(session.begin(deviceSettings()), iotkit::MqttError::None);
  EXPECT_EQ(session.subscribe("iotkit/dev-1/cmd", iotkit::MqttQos::AtLeastOnce), iotkit::MqttError::None);
  EXPECT_TRUE(client.subscribed.empty()) << "not connected yet: remembered, not sent";
  client.accept();
  session.poll();
  ASSERT_EQ(client.subscribed, std::vector<std::string>{"iotkit/dev-1/cmd@1"});
  ASSERT_EQ(client.published.size(), 1u);
  EXPECT_EQ(client.published[0].topic, "iotkit/dev-1/status");
  EXPECT_EQ(client.published[0].payload, "online");
  EXPECT_TRUE(client.published[0].retain);
  EXPECT_EQ(session.stats().connects, 1u);
  EXPECT_TRUE(log.contains("mqtt: connected to broker.local:1884 as dev-1"));
}

TEST_F(MqttSessionTest, ALostConnectionIsRetriedWithAGrowingPauseAndResubscribes) {
  ASSERT_EQ(session.begin(deviceSettings()), iotkit::MqttError::None);
  session.subscribe("iotkit/dev-1/cmd", iotkit::MqttQos::AtLeastOnce);
  client.accept();
  session.poll();
  client.drop("the connection was lost");
  clock.now = 100;
  session.poll();
  EXPECT_EQ(session.stats().connectionsLost, 1u);
  EXPECT_TRUE(log.contains("connection lost to broker.local:1884: the connection was lost; retrying in 1000 ms"));
  clock.now = 1099;
  session.poll();
  EXPECT_EQ(client.connectCalls, 1) << "not before the pause is over";
  clock.now = 1100;
  session.poll();
  EXPECT_EQ(client.connectCalls, 2);
  // The retry fails: the next pause doubles, and stops growing at maxRetryMs.
  client.drop("Connection refused");
  clock.now = 1200;
  session.poll();
  EXPECT_TRUE(log.contains("cannot connect to broker.local:1884: Connection refused; retrying in 2000 ms"));
  clock.now = 3200;
  session.poll();
  EXPECT_EQ(client.connectCalls, 3);
  client.drop("Connection refused");
  session.poll();
  EXPECT_EQ(session.retryMs(), 4000u);
  clock.now = 3200 + 4000;
  session.poll();
  EXPECT_EQ(client.connectCalls, 4);
  client.drop("Connection refused");
  session.poll();
  EXPECT_EQ(session.retryMs(), 4000u) << "capped";
  // Back: subscriptions are sent again and the pause starts over.
  clock.now += 4000;
  session.poll();
  client.accept();
  session.poll();
  EXPECT_EQ(client.subscribed.size(), 2u);
  EXPECT_EQ(session.retryMs(), 1000u);
  EXPECT_EQ(session.stats().connects, 2u);
}

TEST_F(MqttSessionTest, RetryTimingSurvivesTheMillisWrap) {
  clock.now = 0xFFFFFF00u;
  ASSERT_EQ(session.begin(deviceSettings()), iotkit::MqttError::None);
  client.drop("Connection refused");
  session.poll();
  clock.now = 0xFFFFFF00u + 999u;  // wrapped past zero
  session.poll();
  EXPECT_EQ(client.connectCalls, 1);
  clock.now = 0xFFFFFF00u + 1000u;
  session.poll();
  EXPECT_EQ(client.connectCalls, 2);
}

TEST_F(MqttSessionTest, AConnectWithoutCONNACKIsAbandonedAfterTheTimeout) {
  ASSERT_EQ(session.begin(deviceSettings()), iotkit::MqttError::None);
  clock.now = 4999;
  session.poll();
  EXPECT_EQ(client.disconnectCalls, 0);
  clock.now = 5000;
  session.poll();
  EXPECT_EQ(client.disconnectCalls, 1);
  EXPECT_EQ(session.stats().connectFailures, 1u);
  EXPECT_TRUE(log.contains("no answer (CONNACK)"));
  clock.now = 6000;
  session.poll();
  EXPECT_EQ(client.connectCalls, 2);
}

TEST_F(MqttSessionTest, AConnectRefusedAtOnceIsRetriedToo) {
  client.refuseConnect = true;
  client.error = "Lookup error.";
  EXPECT_EQ(session.begin(deviceSettings()), iotkit::MqttError::None);
  EXPECT_EQ(session.stats().connectFailures, 1u);
  client.refuseConnect = false;
  clock.now = 1000;
  session.poll();
  EXPECT_EQ(client.connectCalls, 2);
}

TEST_F(MqttSessionTest, PublishWhileOfflineIsRefusedAndCountedNotQueued) {
  ASSERT_EQ(session.begin(deviceSettings()), iotkit::MqttError::None);
  EXPECT_EQ(session.publish("iotkit/dev-1/ir", "{\"ir\":1}", iotkit::MqttQos::AtLeastOnce),
            iotkit::MqttError::NotConnected);
  client.accept();
  session.poll();
  EXPECT_EQ(session.publish("iotkit/dev-1/ir", "{\"ir\":2}", iotkit::MqttQos::AtLeastOnce), iotkit::MqttError::None);
  ASSERT_EQ(client.published.size(), 2u);  // "online", then the reading
  EXPECT_EQ(client.published[1].payload, "{\"ir\":2}");
  EXPECT_EQ(client.published[1].qos, iotkit::MqttQos::AtLeastOnce);
  EXPECT_FALSE(client.published[1].retain);
  EXPECT_EQ(session.stats().notPublished, 1u);
  EXPECT_EQ(session.stats().published, 2u);
}

TEST_F(MqttSessionTest, BadTopicsNeverReachTheClient) {
  connectNow();
  const size_t before = client.published.size();
  EXPECT_EQ(session.publish("iotkit/+/ir", "1", iotkit::MqttQos::AtMostOnce), iotkit::MqttError::InvalidTopic);
  EXPECT_EQ(session.publish("", "1", iotkit::MqttQos::AtMostOnce), iotkit::MqttError::InvalidTopic);
  EXPECT_EQ(client.published.size(), before);
  EXPECT_EQ(session.subscribe("iotkit/#/cmd", iotkit::MqttQos::AtMostOnce), iotkit::MqttError::InvalidTopic);
  EXPECT_TRUE(client.subscribed.empty());
  EXPECT_TRUE(log.contains("mqtt: not published to 'iotkit/+/ir': a topic name cannot contain the wildcards + or #"));
}

TEST_F(MqttSessionTest, AQosTheClientCannotDoIsLoweredWithOneWarning) {
  client.maxQos = iotkit::MqttQos::AtMostOnce;  // what PubSubClient can publish
  connectNow();
  session.publish("iotkit/dev-1/ir", "1", iotkit::MqttQos::AtLeastOnce);
  session.publish("iotkit/dev-1/ir", "2", iotkit::MqttQos::AtLeastOnce);
  for (const auto& p : client.published) EXPECT_EQ(p.qos, iotkit::MqttQos::AtMostOnce) << p.topic;
  int warnings = 0;
  for (const auto& line : log.lines) warnings += line.find("publishes at most QoS 0") != std::string::npos;
  EXPECT_EQ(warnings, 1);
}

TEST_F(MqttSessionTest, SettingsProblemsAreNamed) {
  auto settings = deviceSettings();
  settings.statusTopic = "iotkit/#";
  EXPECT_EQ(session.begin(settings), iotkit::MqttError::InvalidTopic);
  EXPECT_TRUE(log.contains("status topic 'iotkit/#'"));
  settings = deviceSettings();
  settings.clientId.clear();
  EXPECT_EQ(session.begin(settings), iotkit::MqttError::Other);
  EXPECT_TRUE(log.contains("the client id is empty"));
  EXPECT_EQ(client.connectCalls, 0);
}

TEST_F(MqttSessionTest, EndDisconnectsAndStopsReconnecting) {
  connectNow();
  session.end();
  EXPECT_EQ(client.disconnectCalls, 1);
  clock.now = 60000;
  session.poll();
  EXPECT_EQ(client.connectCalls, 1);
}

TEST_F(MqttSessionTest, AtMostFourSubscriptionsAreKept) {
  connectNow();
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(session.subscribe(("t/" + std::to_string(i)).c_str(), iotkit::MqttQos::AtMostOnce),
              iotkit::MqttError::None);
  }
  EXPECT_EQ(session.subscribe("t/4", iotkit::MqttQos::AtMostOnce), iotkit::MqttError::TooLarge);
  EXPECT_EQ(client.subscribed.size(), 4u);
}
