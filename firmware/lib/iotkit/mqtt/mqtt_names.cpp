#include "iotkit/mqtt/mqtt_client.h"

namespace iotkit {

const char* mqttErrorName(MqttError error) {
  switch (error) {
    case MqttError::None: return "none";
    case MqttError::NotConnected: return "not-connected";
    case MqttError::InvalidTopic: return "invalid-topic";
    case MqttError::TooLarge: return "too-large";
    case MqttError::QosUnsupported: return "qos-unsupported";
    case MqttError::ConnectFailed: return "connect-failed";
    case MqttError::Refused: return "refused";
    case MqttError::Other: return "other";
  }
  return "other";
}

const char* mqttStateName(MqttState state) {
  switch (state) {
    case MqttState::Idle: return "idle";
    case MqttState::Connecting: return "connecting";
    case MqttState::Connected: return "connected";
    case MqttState::Disconnected: return "disconnected";
  }
  return "idle";
}

}  // namespace iotkit
