// MQTT as the apps need it: connect (client id, credentials, keep-alive, last will), publish at
// QoS 0/1 with retain, subscribe, and a poll() that does the network work without blocking.
// Implementations: libmosquitto on the host (platform/host), PubSubClient on the ESP32
// (platform/esp32), a scripted fake in tests. Packet encoding is the libraries' job, never ours.
#pragma once

#include <cstddef>
#include <cstdint>

namespace iotkit {

/** The delivery guarantees the kit uses. QoS 2 is left out: PubSubClient cannot do it at all. */
enum class MqttQos : uint8_t { AtMostOnce = 0, AtLeastOnce = 1 };

enum class MqttState : uint8_t {
  /** Never connected, or disconnect() was called. */
  Idle,
  /** connect() started; waiting for the broker's CONNACK. */
  Connecting,
  Connected,
  /** The connection failed or was lost; lastError() says why. */
  Disconnected,
};

enum class MqttError : uint8_t {
  None,
  /** publish/subscribe while not Connected (nothing is queued: the caller decides what to resend). */
  NotConnected,
  /** An empty topic, a wildcard in a topic name, a misplaced wildcard in a filter, a NUL, > 65535 bytes. */
  InvalidTopic,
  /** Payload or packet larger than the client's buffer. */
  TooLarge,
  /** The client cannot publish at this QoS (see MqttClient::maxPublishQos). */
  QosUnsupported,
  /** TCP connect, DNS or the CONNECT packet failed. */
  ConnectFailed,
  /** The broker answered CONNACK with a refusal (bad credentials, client id, …). */
  Refused,
  Other,
};

const char* mqttErrorName(MqttError error);
const char* mqttStateName(MqttState state);

/** The message the broker publishes for this client when its connection dies without DISCONNECT. */
struct MqttWill {
  /** nullptr = no will. */
  const char* topic = nullptr;
  const char* payload = "";
  MqttQos qos = MqttQos::AtLeastOnce;
  bool retain = true;
};

/** Everything CONNECT carries. The client copies what it keeps; the strings may die after connect(). */
struct MqttConnectOptions {
  const char* host = "127.0.0.1";
  uint16_t port = 1883;
  const char* clientId = "";
  /** nullptr = no user name (and then no password either). */
  const char* username = nullptr;
  const char* password = nullptr;
  /** Seconds; the broker drops the client after 1.5x this without a packet. 0 disables it. */
  uint16_t keepAliveSeconds = 15;
  /** false: the broker keeps the subscriptions and queued QoS 1 messages across reconnects. */
  bool cleanSession = true;
  MqttWill will;
};

/** A received message; valid only during MqttListener::onMqttMessage. */
struct MqttMessage {
  const char* topic = "";
  const uint8_t* payload = nullptr;
  size_t length = 0;
  /** PubSubClient does not report the QoS or retain flag of a received message: 0 / false there. */
  MqttQos qos = MqttQos::AtMostOnce;
  bool retained = false;
};

class MqttListener {
 public:
  virtual ~MqttListener() = default;
  /** Called from inside MqttClient::poll(). */
  virtual void onMqttMessage(const MqttMessage& message) = 0;
};

class MqttClient {
 public:
  virtual ~MqttClient() = default;
  /**
   * Starts connecting and returns; state() becomes Connecting, then Connected or Disconnected.
   * Host: fully asynchronous. ESP32: PubSubClient has no asynchronous connect, so this call waits
   * for the TCP connect and CONNACK, bounded by the adapter's socket timeout.
   */
  virtual MqttError connect(const MqttConnectOptions& options) = 0;
  /** Sends DISCONNECT (so no will is published) and closes; state() becomes Idle. */
  virtual void disconnect() = 0;
  /** A slice of network work: sends, reads (listener calls happen here), keep-alive pings. Never waits. */
  virtual void poll() = 0;
  virtual MqttState state() = 0;
  /** Queues one PUBLISH. QoS 1 messages are resent by the client until the broker's PUBACK. */
  virtual MqttError publish(const char* topic, const uint8_t* payload, size_t length, MqttQos qos,
                            bool retain) = 0;
  virtual MqttError subscribe(const char* filter, MqttQos qos) = 0;
  /** nullptr stops delivery. The listener must outlive the client or be reset first. */
  virtual void setListener(MqttListener* listener) = 0;
  /** The highest QoS publish() accepts: AtLeastOnce with libmosquitto, AtMostOnce with PubSubClient 2.8. */
  virtual MqttQos maxPublishQos() const = 0;
  /** Why the last connect or connection failed, in the library's words ("" when nothing failed). */
  virtual const char* lastError() = 0;
};

}  // namespace iotkit
