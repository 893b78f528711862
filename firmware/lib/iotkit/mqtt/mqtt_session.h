// What every MQTT device does around the client, written once and tested on the host: connect
// with the settings, come back after a lost connection with a growing pause, subscribe again
// after every connect (a clean session forgets subscriptions), announce itself on a status topic
// that the last will turns to "offline", and refuse bad topics before they reach the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "iotkit/hal/interfaces.h"
#include "iotkit/mqtt/mqtt_client.h"

namespace iotkit {

struct MqttSessionSettings {
  std::string host = "127.0.0.1";
  uint16_t port = 1883;
  std::string clientId;
  /** Empty = connect without a user name. */
  std::string username;
  std::string password;
  uint16_t keepAliveSeconds = 15;
  bool cleanSession = true;
  /** Empty = no status topic: no will, no "online" message. */
  std::string statusTopic;
  /** Published (QoS 1, retained) to statusTopic after every connect. */
  std::string onlinePayload = "online";
  /** The will: what the broker publishes (QoS 1, retained) to statusTopic when the device vanishes. */
  std::string offlinePayload = "offline";
  /** Pause before the first retry; doubles per failure up to maxRetryMs. */
  uint32_t firstRetryMs = 1000;
  uint32_t maxRetryMs = 30000;
  /** A connect that has not reached CONNACK after this long is abandoned and retried. */
  uint32_t connectTimeoutMs = 10000;
};

/** Counters for the labs: what the device tried and what became of it. */
struct MqttSessionStats {
  uint32_t connects = 0;
  uint32_t connectFailures = 0;
  uint32_t connectionsLost = 0;
  uint32_t published = 0;
  /** publish() calls that did not reach the client (not connected, bad topic, client error). */
  uint32_t notPublished = 0;
};

class MqttSession {
 public:
  static constexpr size_t kMaxSubscriptions = 4;

  MqttSession(MqttClient& client, Clock& clock, Logger& log) : client_(client), clock_(clock), log_(log) {}

  /** Checks the settings and starts the first connect. A bad status topic or empty client id is an error. */
  MqttError begin(const MqttSessionSettings& settings);
  /** Call every loop: drives the client, reconnects when due, resubscribes after a connect. */
  void poll();
  /**
   * Publishes now if connected (nothing is queued while offline). A QoS the client cannot do is
   * lowered to its maxPublishQos(), with one warning in the log.
   */
  MqttError publish(const char* topic, const char* payload, MqttQos qos, bool retain = false);
  /** Remembered and sent again after every connect; sent at once when connected. */
  MqttError subscribe(const char* filter, MqttQos qos);
  void setListener(MqttListener* listener) { client_.setListener(listener); }
  /** Sends DISCONNECT: the broker does not publish the will. No reconnects after this. */
  void end();

  bool connected() { return client_.state() == MqttState::Connected; }
  const MqttSessionStats& stats() const { return stats_; }
  /** The pause before the next reconnect attempt. */
  uint32_t retryMs() const { return retryMs_; }

 private:
  struct Subscription {
    std::string filter;
    MqttQos qos = MqttQos::AtMostOnce;
  };

  void startConnect(uint32_t now);
  void onConnected();
  void scheduleRetry(uint32_t now, const char* what);

  MqttClient& client_;
  Clock& clock_;
  Logger& log_;
  MqttSessionSettings settings_;
  bool active_ = false;
  MqttState seen_ = MqttState::Idle;
  uint32_t attemptAt_ = 0;
  uint32_t retryAt_ = 0;
  bool retryPending_ = false;
  uint32_t retryMs_ = 0;
  bool warnedQos_ = false;
  Subscription subscriptions_[kMaxSubscriptions];
  size_t subscriptionCount_ = 0;
  MqttSessionStats stats_;
};

}  // namespace iotkit
