// MqttClient over libmosquitto (Debian libmosquitto-dev). libmosquitto's own network loop is not
// started (no thread): poll() calls mosquitto_loop() with a zero timeout, so the socket work
// happens in the app's loop() like on the ESP32, and connect() uses the asynchronous connect.
#pragma once

#include <cstdint>
#include <string>

#include "iotkit/mqtt/mqtt_client.h"

struct mosquitto;
struct mosquitto_message;

namespace iotkit::host {

class MosquittoMqtt : public MqttClient {
 public:
  MosquittoMqtt();
  ~MosquittoMqtt() override;
  MosquittoMqtt(const MosquittoMqtt&) = delete;
  MosquittoMqtt& operator=(const MosquittoMqtt&) = delete;

  MqttError connect(const MqttConnectOptions& options) override;
  void disconnect() override;
  void poll() override;
  MqttState state() override { return state_; }
  MqttError publish(const char* topic, const uint8_t* payload, size_t length, MqttQos qos, bool retain) override;
  MqttError subscribe(const char* filter, MqttQos qos) override;
  void setListener(MqttListener* listener) override { listener_ = listener; }
  MqttQos maxPublishQos() const override { return MqttQos::AtLeastOnce; }
  const char* lastError() override { return lastError_.c_str(); }

  /** QoS 1 publishes the broker acknowledged (PUBACK) so far; QoS 0 ones count when written. */
  uint32_t acknowledged() const { return acknowledged_; }

  // Called from libmosquitto's callbacks (inside poll()).
  void onConnect(int rc);
  void onDisconnect(int rc);
  void onPublish(int mid);
  void onMessage(const struct mosquitto_message* message);

 private:
  void fail(MqttState state, const char* reason);

  struct mosquitto* mosq_ = nullptr;
  MqttListener* listener_ = nullptr;
  MqttState state_ = MqttState::Idle;
  std::string lastError_;
  uint32_t acknowledged_ = 0;
};

}  // namespace iotkit::host
