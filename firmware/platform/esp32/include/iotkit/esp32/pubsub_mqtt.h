// MqttClient over PubSubClient 2.8 (knolleary/PubSubClient) and a plain WiFiClient. The library
// header stays in the .cpp, like the other adapters' libraries.
//
// What PubSubClient cannot do, and how the kit copes:
// - publish() sends QoS 0 only: maxPublishQos() says so and MqttSession lowers QoS 1 with a warning;
// - connect() waits for TCP and CONNACK: bounded here by a 3 s socket timeout;
// - received messages carry no QoS or retain flag: reported as QoS 0, not retained.
#pragma once

#include <memory>

#include "iotkit/mqtt/mqtt_client.h"

namespace iotkit::esp32 {

class PubSubMqtt : public MqttClient {
 public:
  /** `bufferSize` bounds one packet (topic + payload + headers); PubSubClient's default is 256. */
  explicit PubSubMqtt(uint16_t bufferSize = 512);
  ~PubSubMqtt() override;

  MqttError connect(const MqttConnectOptions& options) override;
  void disconnect() override;
  void poll() override;
  MqttState state() override;
  MqttError publish(const char* topic, const uint8_t* payload, size_t length, MqttQos qos, bool retain) override;
  MqttError subscribe(const char* filter, MqttQos qos) override;
  void setListener(MqttListener* listener) override;
  MqttQos maxPublishQos() const override { return MqttQos::AtMostOnce; }
  const char* lastError() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iotkit::esp32
