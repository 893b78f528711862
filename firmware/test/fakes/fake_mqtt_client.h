// An MqttClient whose network the test plays: it records what the code under test asked for
// and changes state only when the test says the broker answered (or the link broke).
#pragma once

#include <string>
#include <vector>

#include "iotkit/mqtt/mqtt_client.h"

namespace fakes {

struct RecordedPublish {
  std::string topic;
  std::string payload;
  iotkit::MqttQos qos;
  bool retain;
};

class FakeMqttClient : public iotkit::MqttClient {
 public:
  iotkit::MqttError connect(const iotkit::MqttConnectOptions& options) override {
    ++connectCalls;
    host = options.host;
    port = options.port;
    clientId = options.clientId;
    username = options.username != nullptr ? options.username : "<none>";
    cleanSession = options.cleanSession;
    keepAlive = options.keepAliveSeconds;
    willTopic = options.will.topic != nullptr ? options.will.topic : "";
    willPayload = options.will.payload != nullptr ? options.will.payload : "";
    willRetain = options.will.retain;
    if (refuseConnect) {
      current = iotkit::MqttState::Disconnected;
      return iotkit::MqttError::ConnectFailed;
    }
    current = iotkit::MqttState::Connecting;
    return iotkit::MqttError::None;
  }
  void disconnect() override {
    ++disconnectCalls;
    current = iotkit::MqttState::Idle;
  }
  void poll() override { ++polls; }
  iotkit::MqttState state() override { return current; }
  iotkit::MqttError publish(const char* topic, const uint8_t* payload, size_t length, iotkit::MqttQos qos,
                            bool retain) override {
    if (current != iotkit::MqttState::Connected) return iotkit::MqttError::NotConnected;
    published.push_back({topic, std::string(reinterpret_cast<const char*>(payload), length), qos, retain});
    return iotkit::MqttError::None;
  }
  iotkit::MqttError subscribe(const char* filter, iotkit::MqttQos qos) override {
    if (current != iotkit::MqttState::Connected) return iotkit::MqttError::NotConnected;
    subscribed.push_back(std::string(filter) + "@" + std::to_string(static_cast<int>(qos)));
    return iotkit::MqttError::None;
  }
  void setListener(iotkit::MqttListener* l) override { listener = l; }
  iotkit::MqttQos maxPublishQos() const override { return maxQos; }
  const char* lastError() override { return error.c_str(); }

  // --- what the broker / network does ---
  void accept() { current = iotkit::MqttState::Connected; }
  void drop(const char* why) {
    current = iotkit::MqttState::Disconnected;
    error = why;
  }

  iotkit::MqttState current = iotkit::MqttState::Idle;
  iotkit::MqttQos maxQos = iotkit::MqttQos::AtLeastOnce;
  bool refuseConnect = false;
  std::string error;
  int connectCalls = 0;
  int disconnectCalls = 0;
  int polls = 0;
  std::string host, clientId, username, willTopic, willPayload;
  uint16_t port = 0;
  uint16_t keepAlive = 0;
  bool cleanSession = false;
  bool willRetain = false;
  std::vector<RecordedPublish> published;
  std::vector<std::string> subscribed;
  iotkit::MqttListener* listener = nullptr;
};

}  // namespace fakes
