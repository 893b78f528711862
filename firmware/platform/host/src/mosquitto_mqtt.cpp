#include "iotkit/host/mosquitto_mqtt.h"

#include <mosquitto.h>

#include <cerrno>
#include <cstring>

namespace iotkit::host {

namespace {

// mosquitto_lib_init/cleanup are process-wide; the count lets several clients (tests) coexist.
int gLibraryUsers = 0;

MosquittoMqtt* self(void* obj) { return static_cast<MosquittoMqtt*>(obj); }

const char* describe(int rc) {
  // MOSQ_ERR_ERRNO means "look at errno" (e.g. connection refused); the generic text would not say.
  return rc == MOSQ_ERR_ERRNO ? std::strerror(errno) : mosquitto_strerror(rc);
}

MqttError publishError(int rc) {
  switch (rc) {
    case MOSQ_ERR_SUCCESS: return MqttError::None;
    case MOSQ_ERR_NO_CONN: return MqttError::NotConnected;
    case MOSQ_ERR_INVAL:
    case MOSQ_ERR_MALFORMED_UTF8: return MqttError::InvalidTopic;
    case MOSQ_ERR_PAYLOAD_SIZE:
    case MOSQ_ERR_OVERSIZE_PACKET: return MqttError::TooLarge;
    default: return MqttError::Other;
  }
}

}  // namespace

MosquittoMqtt::MosquittoMqtt() {
  if (gLibraryUsers++ == 0) mosquitto_lib_init();
}

MosquittoMqtt::~MosquittoMqtt() {
  if (mosq_ != nullptr) mosquitto_destroy(mosq_);
  if (--gLibraryUsers == 0) mosquitto_lib_cleanup();
}

void MosquittoMqtt::fail(MqttState state, const char* reason) {
  state_ = state;
  lastError_ = reason;
}

MqttError MosquittoMqtt::connect(const MqttConnectOptions& options) {
  if (options.clientId == nullptr || options.clientId[0] == '\0' || options.host == nullptr) {
    fail(MqttState::Disconnected, "a client id and a host are required");
    return MqttError::Other;
  }
  // A fresh handle per connect: mosquitto_reinitialise would do the same but forgets the callbacks.
  if (mosq_ != nullptr) mosquitto_destroy(mosq_);
  mosq_ = mosquitto_new(options.clientId, options.cleanSession, this);
  if (mosq_ == nullptr) {
    fail(MqttState::Disconnected, std::strerror(errno));
    return MqttError::Other;
  }
  mosquitto_int_option(mosq_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
  mosquitto_connect_callback_set(mosq_, [](struct mosquitto*, void* obj, int rc) { self(obj)->onConnect(rc); });
  mosquitto_disconnect_callback_set(mosq_,
                                    [](struct mosquitto*, void* obj, int rc) { self(obj)->onDisconnect(rc); });
  mosquitto_publish_callback_set(mosq_, [](struct mosquitto*, void* obj, int mid) { self(obj)->onPublish(mid); });
  mosquitto_message_callback_set(
      mosq_, [](struct mosquitto*, void* obj, const struct mosquitto_message* m) { self(obj)->onMessage(m); });
  if (options.username != nullptr) {
    const int rc = mosquitto_username_pw_set(mosq_, options.username, options.password);
    if (rc != MOSQ_ERR_SUCCESS) {
      fail(MqttState::Disconnected, describe(rc));
      return MqttError::Other;
    }
  }
  if (options.will.topic != nullptr) {
    const char* payload = options.will.payload != nullptr ? options.will.payload : "";
    const int rc = mosquitto_will_set(mosq_, options.will.topic, static_cast<int>(std::strlen(payload)), payload,
                                      static_cast<int>(options.will.qos), options.will.retain);
    if (rc != MOSQ_ERR_SUCCESS) {
      fail(MqttState::Disconnected, describe(rc));
      return rc == MOSQ_ERR_INVAL ? MqttError::InvalidTopic : MqttError::Other;
    }
  }
  const int rc = mosquitto_connect_async(mosq_, options.host, options.port, options.keepAliveSeconds);
  if (rc != MOSQ_ERR_SUCCESS) {
    fail(MqttState::Disconnected, describe(rc));
    return MqttError::ConnectFailed;
  }
  state_ = MqttState::Connecting;
  lastError_.clear();
  return MqttError::None;
}

void MosquittoMqtt::disconnect() {
  if (mosq_ != nullptr) {
    if (state_ == MqttState::Connected) {
      mosquitto_disconnect(mosq_);
      // One pass so the DISCONNECT leaves before the socket closes.
      mosquitto_loop(mosq_, 0, 1);
    }
    mosquitto_destroy(mosq_);
    mosq_ = nullptr;
  }
  state_ = MqttState::Idle;
}

void MosquittoMqtt::poll() {
  if (mosq_ == nullptr || (state_ != MqttState::Connecting && state_ != MqttState::Connected)) return;
  const int rc = mosquitto_loop(mosq_, 0, 1);
  if (rc != MOSQ_ERR_SUCCESS && (state_ == MqttState::Connecting || state_ == MqttState::Connected)) {
    fail(MqttState::Disconnected, describe(rc));
  }
}

MqttError MosquittoMqtt::publish(const char* topic, const uint8_t* payload, size_t length, MqttQos qos,
                                 bool retain) {
  if (state_ != MqttState::Connected || mosq_ == nullptr) return MqttError::NotConnected;
  if (length > 268435455u) return MqttError::TooLarge;
  const int rc = mosquitto_publish(mosq_, nullptr, topic, static_cast<int>(length), payload,
                                   static_cast<int>(qos), retain);
  return publishError(rc);
}

MqttError MosquittoMqtt::subscribe(const char* filter, MqttQos qos) {
  if (state_ != MqttState::Connected || mosq_ == nullptr) return MqttError::NotConnected;
  return publishError(mosquitto_subscribe(mosq_, nullptr, filter, static_cast<int>(qos)));
}

void MosquittoMqtt::onConnect(int rc) {
  if (rc == 0) {
    state_ = MqttState::Connected;
    lastError_.clear();
  } else {
    fail(MqttState::Disconnected, mosquitto_connack_string(rc));
  }
}

void MosquittoMqtt::onDisconnect(int rc) {
  // Idle: we asked for it. Disconnected: onConnect already recorded the broker's refusal, which
  // says more than the "connection refused" that follows it.
  if (state_ == MqttState::Idle || state_ == MqttState::Disconnected) return;
  // rc 0 = we asked for it; anything else names what broke (refused connect, lost connection, …).
  fail(MqttState::Disconnected, rc == 0 ? "disconnected" : describe(rc));
}

void MosquittoMqtt::onPublish(int) { ++acknowledged_; }

void MosquittoMqtt::onMessage(const struct mosquitto_message* message) {
  if (listener_ == nullptr || message == nullptr) return;
  MqttMessage received;
  received.topic = message->topic;
  received.payload = static_cast<const uint8_t*>(message->payload);
  received.length = static_cast<size_t>(message->payloadlen);
  received.qos = message->qos > 0 ? MqttQos::AtLeastOnce : MqttQos::AtMostOnce;
  received.retained = message->retain;
  listener_->onMqttMessage(received);
}

}  // namespace iotkit::host
