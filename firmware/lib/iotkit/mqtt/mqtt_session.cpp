#include "iotkit/mqtt/mqtt_session.h"

#include <cstring>

#include "iotkit/app/app.h"
#include "iotkit/mqtt/mqtt_topic.h"

namespace iotkit {

MqttError MqttSession::begin(const MqttSessionSettings& settings) {
  if (settings.clientId.empty()) {
    log_.log(LogLevel::Error, "mqtt: the client id is empty");
    return MqttError::Other;
  }
  if (!settings.statusTopic.empty()) {
    if (const char* problem = mqttTopicNameProblem(settings.statusTopic.c_str())) {
      logf(log_, LogLevel::Error, "mqtt: status topic '%s': %s", settings.statusTopic.c_str(), problem);
      return MqttError::InvalidTopic;
    }
  }
  settings_ = settings;
  if (settings_.firstRetryMs == 0) settings_.firstRetryMs = 1;
  if (settings_.maxRetryMs < settings_.firstRetryMs) settings_.maxRetryMs = settings_.firstRetryMs;
  retryMs_ = settings_.firstRetryMs;
  active_ = true;
  startConnect(clock_.millis());
  return MqttError::None;
}

void MqttSession::startConnect(uint32_t now) {
  MqttConnectOptions options;
  options.host = settings_.host.c_str();
  options.port = settings_.port;
  options.clientId = settings_.clientId.c_str();
  if (!settings_.username.empty()) {
    options.username = settings_.username.c_str();
    options.password = settings_.password.c_str();
  }
  options.keepAliveSeconds = settings_.keepAliveSeconds;
  options.cleanSession = settings_.cleanSession;
  if (!settings_.statusTopic.empty()) {
    options.will.topic = settings_.statusTopic.c_str();
    options.will.payload = settings_.offlinePayload.c_str();
    options.will.qos = MqttQos::AtLeastOnce;
    options.will.retain = true;
  }
  attemptAt_ = now;
  retryPending_ = false;
  const MqttError error = client_.connect(options);
  seen_ = client_.state();
  if (error != MqttError::None) {
    ++stats_.connectFailures;
    scheduleRetry(now, "cannot connect");
  } else if (seen_ == MqttState::Connected) {
    onConnected();
  }
}

void MqttSession::scheduleRetry(uint32_t now, const char* what) {
  logf(log_, LogLevel::Warn, "mqtt: %s to %s:%u: %s; retrying in %lu ms", what, settings_.host.c_str(),
       static_cast<unsigned>(settings_.port), client_.lastError(), static_cast<unsigned long>(retryMs_));
  retryAt_ = now + retryMs_;
  retryPending_ = true;
  retryMs_ = retryMs_ > settings_.maxRetryMs / 2 ? settings_.maxRetryMs : retryMs_ * 2;
}

void MqttSession::onConnected() {
  ++stats_.connects;
  retryMs_ = settings_.firstRetryMs;
  logf(log_, LogLevel::Info, "mqtt: connected to %s:%u as %s", settings_.host.c_str(),
       static_cast<unsigned>(settings_.port), settings_.clientId.c_str());
  for (size_t i = 0; i < subscriptionCount_; ++i) {
    const MqttError error = client_.subscribe(subscriptions_[i].filter.c_str(), subscriptions_[i].qos);
    if (error != MqttError::None) {
      logf(log_, LogLevel::Warn, "mqtt: subscribe %s failed: %s", subscriptions_[i].filter.c_str(),
           mqttErrorName(error));
    }
  }
  if (!settings_.statusTopic.empty()) {
    publish(settings_.statusTopic.c_str(), settings_.onlinePayload.c_str(), MqttQos::AtLeastOnce, true);
  }
}

void MqttSession::poll() {
  if (!active_) return;
  client_.poll();
  const uint32_t now = clock_.millis();
  const MqttState state = client_.state();
  if (state != seen_) {
    const MqttState before = seen_;
    seen_ = state;
    if (state == MqttState::Connected) {
      onConnected();
    } else if (state == MqttState::Disconnected || state == MqttState::Idle) {
      if (before == MqttState::Connected) {
        ++stats_.connectionsLost;
        scheduleRetry(now, "connection lost");
      } else {
        ++stats_.connectFailures;
        scheduleRetry(now, "cannot connect");
      }
    }
    return;
  }
  if (state == MqttState::Connecting && now - attemptAt_ >= settings_.connectTimeoutMs) {
    client_.disconnect();
    seen_ = client_.state();
    ++stats_.connectFailures;
    scheduleRetry(now, "no answer (CONNACK)");
    return;
  }
  // Unsigned difference: correct across the 49-day wrap of millis().
  if (retryPending_ && static_cast<int32_t>(now - retryAt_) >= 0) startConnect(now);
}

MqttError MqttSession::publish(const char* topic, const char* payload, MqttQos qos, bool retain) {
  if (const char* problem = mqttTopicNameProblem(topic)) {
    ++stats_.notPublished;
    logf(log_, LogLevel::Warn, "mqtt: not published to '%s': %s", topic != nullptr ? topic : "", problem);
    return MqttError::InvalidTopic;
  }
  const MqttQos most = client_.maxPublishQos();
  if (static_cast<uint8_t>(qos) > static_cast<uint8_t>(most)) {
    if (!warnedQos_) {
      warnedQos_ = true;
      logf(log_, LogLevel::Warn, "mqtt: this client publishes at most QoS %u; QoS %u messages go out as QoS %u",
           static_cast<unsigned>(most), static_cast<unsigned>(qos), static_cast<unsigned>(most));
    }
    qos = most;
  }
  if (client_.state() != MqttState::Connected) {
    ++stats_.notPublished;
    return MqttError::NotConnected;
  }
  const size_t length = payload != nullptr ? std::strlen(payload) : 0;
  const MqttError error =
      client_.publish(topic, reinterpret_cast<const uint8_t*>(payload != nullptr ? payload : ""), length, qos, retain);
  if (error == MqttError::None) {
    ++stats_.published;
  } else {
    ++stats_.notPublished;
  }
  return error;
}

MqttError MqttSession::subscribe(const char* filter, MqttQos qos) {
  if (const char* problem = mqttTopicFilterProblem(filter)) {
    logf(log_, LogLevel::Warn, "mqtt: cannot subscribe to '%s': %s", filter != nullptr ? filter : "", problem);
    return MqttError::InvalidTopic;
  }
  if (subscriptionCount_ == kMaxSubscriptions) {
    logf(log_, LogLevel::Warn, "mqtt: cannot subscribe to '%s': at most %u subscriptions", filter,
         static_cast<unsigned>(kMaxSubscriptions));
    return MqttError::TooLarge;
  }
  subscriptions_[subscriptionCount_].filter = filter;
  subscriptions_[subscriptionCount_].qos = qos;
  ++subscriptionCount_;
  if (client_.state() != MqttState::Connected) return MqttError::None;
  return client_.subscribe(filter, qos);
}

void MqttSession::end() {
  active_ = false;
  retryPending_ = false;
  client_.disconnect();
  seen_ = client_.state();
}

}  // namespace iotkit
