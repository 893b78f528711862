#include "iotkit/esp32/pubsub_mqtt.h"

#include <PubSubClient.h>
#include <WiFiClient.h>

#include <string>

namespace iotkit::esp32 {

namespace {

constexpr uint16_t kSocketTimeoutSeconds = 3;

const char* stateText(int state) {
  switch (state) {
    case MQTT_CONNECTION_TIMEOUT: return "no answer from the broker (keep-alive or CONNACK timeout)";
    case MQTT_CONNECTION_LOST: return "the connection was lost";
    case MQTT_CONNECT_FAILED: return "TCP connect to the broker failed";
    case MQTT_DISCONNECTED: return "disconnected";
    case MQTT_CONNECT_BAD_PROTOCOL: return "refused: protocol version";
    case MQTT_CONNECT_BAD_CLIENT_ID: return "refused: client id";
    case MQTT_CONNECT_UNAVAILABLE: return "refused: broker unavailable";
    case MQTT_CONNECT_BAD_CREDENTIALS: return "refused: bad user name or password";
    case MQTT_CONNECT_UNAUTHORIZED: return "refused: not authorized";
    default: return "";
  }
}

}  // namespace

struct PubSubMqtt::Impl {
  explicit Impl(uint16_t size) : client(net), bufferSize(size) {}
  WiFiClient net;
  PubSubClient client;
  uint16_t bufferSize;
  MqttListener* listener = nullptr;
  MqttState state = MqttState::Idle;
  // PubSubClient keeps the pointers it is given, so the strings live here between connects.
  std::string host, clientId, username, password, willTopic, willPayload;
  std::string error;

  void fail(MqttState next) {
    state = next;
    error = stateText(client.state());
  }
};

PubSubMqtt::PubSubMqtt(uint16_t bufferSize) : impl_(new Impl(bufferSize)) {
  impl_->client.setCallback([this](char* topic, uint8_t* payload, unsigned int length) {
    if (impl_->listener == nullptr) return;
    MqttMessage message;
    message.topic = topic;
    message.payload = payload;
    message.length = length;
    impl_->listener->onMqttMessage(message);
  });
}

PubSubMqtt::~PubSubMqtt() = default;

MqttError PubSubMqtt::connect(const MqttConnectOptions& options) {
  Impl& m = *impl_;
  if (options.clientId == nullptr || options.clientId[0] == '\0' || options.host == nullptr) {
    m.state = MqttState::Disconnected;
    m.error = "a client id and a host are required";
    return MqttError::Other;
  }
  m.host = options.host;
  m.clientId = options.clientId;
  m.username = options.username != nullptr ? options.username : "";
  m.password = options.password != nullptr ? options.password : "";
  m.willTopic = options.will.topic != nullptr ? options.will.topic : "";
  m.willPayload = options.will.payload != nullptr ? options.will.payload : "";
  if (!m.client.setBufferSize(m.bufferSize)) {
    m.state = MqttState::Disconnected;
    m.error = "no memory for the MQTT buffer";
    return MqttError::Other;
  }
  m.client.setServer(m.host.c_str(), options.port);
  m.client.setKeepAlive(options.keepAliveSeconds);
  m.client.setSocketTimeout(kSocketTimeoutSeconds);
  m.net.setTimeout(kSocketTimeoutSeconds);
  m.state = MqttState::Connecting;
  const bool hasWill = !m.willTopic.empty();
  const bool ok = m.client.connect(m.clientId.c_str(), options.username != nullptr ? m.username.c_str() : nullptr,
                                   options.username != nullptr ? m.password.c_str() : nullptr,
                                   hasWill ? m.willTopic.c_str() : nullptr, static_cast<uint8_t>(options.will.qos),
                                   hasWill && options.will.retain, hasWill ? m.willPayload.c_str() : nullptr,
                                   options.cleanSession);
  if (!ok) {
    const int code = m.client.state();
    m.fail(MqttState::Disconnected);
    return code > 0 ? MqttError::Refused : MqttError::ConnectFailed;
  }
  m.state = MqttState::Connected;
  m.error.clear();
  return MqttError::None;
}

void PubSubMqtt::disconnect() {
  impl_->client.disconnect();
  impl_->state = MqttState::Idle;
}

void PubSubMqtt::poll() {
  Impl& m = *impl_;
  if (m.state != MqttState::Connected) return;
  if (!m.client.loop()) m.fail(MqttState::Disconnected);
}

MqttState PubSubMqtt::state() { return impl_->state; }

MqttError PubSubMqtt::publish(const char* topic, const uint8_t* payload, size_t length, MqttQos qos, bool retain) {
  Impl& m = *impl_;
  if (qos != MqttQos::AtMostOnce) return MqttError::QosUnsupported;
  if (m.state != MqttState::Connected) return MqttError::NotConnected;
  // PubSubClient answers false both for "does not fit the buffer" and for a dead socket.
  if (length + 7 + std::char_traits<char>::length(topic) > m.client.getBufferSize()) return MqttError::TooLarge;
  if (!m.client.publish(topic, payload, static_cast<unsigned int>(length), retain)) {
    m.fail(MqttState::Disconnected);
    return MqttError::NotConnected;
  }
  return MqttError::None;
}

MqttError PubSubMqtt::subscribe(const char* filter, MqttQos qos) {
  Impl& m = *impl_;
  if (m.state != MqttState::Connected) return MqttError::NotConnected;
  return m.client.subscribe(filter, static_cast<uint8_t>(qos)) ? MqttError::None : MqttError::Other;
}

void PubSubMqtt::setListener(MqttListener* listener) { impl_->listener = listener; }

const char* PubSubMqtt::lastError() { return impl_->error.c_str(); }

}  // namespace iotkit::esp32
