// Stand-in: knolleary/PubSubClient 2.8 src/PubSubClient.h (subset). 2.8 added setBufferSize,
// setKeepAlive and setSocketTimeout; publish() sends QoS 0 only, subscribe() takes QoS 0 or 1;
// on the ESP32 the callback is a std::function.
#pragma once

#include <functional>

#include "Arduino.h"
#include "Client.h"
#include "IPAddress.h"
#include "Stream.h"

#define MQTT_VERSION_3_1 3
#define MQTT_VERSION_3_1_1 4
#ifndef MQTT_MAX_PACKET_SIZE
#define MQTT_MAX_PACKET_SIZE 256
#endif
#ifndef MQTT_KEEPALIVE
#define MQTT_KEEPALIVE 15
#endif
#ifndef MQTT_SOCKET_TIMEOUT
#define MQTT_SOCKET_TIMEOUT 15
#endif

// state()
#define MQTT_CONNECTION_TIMEOUT -4
#define MQTT_CONNECTION_LOST -3
#define MQTT_CONNECT_FAILED -2
#define MQTT_DISCONNECTED -1
#define MQTT_CONNECTED 0
#define MQTT_CONNECT_BAD_PROTOCOL 1
#define MQTT_CONNECT_BAD_CLIENT_ID 2
#define MQTT_CONNECT_UNAVAILABLE 3
#define MQTT_CONNECT_BAD_CREDENTIALS 4
#define MQTT_CONNECT_UNAUTHORIZED 5

#define MQTT_CALLBACK_SIGNATURE std::function<void(char*, uint8_t*, unsigned int)> callback

class PubSubClient : public Print {
 public:
  PubSubClient();
  PubSubClient(Client& client);
  PubSubClient(IPAddress, uint16_t, Client& client);
  PubSubClient(const char*, uint16_t, Client& client);
  PubSubClient(const char*, uint16_t, MQTT_CALLBACK_SIGNATURE, Client& client);
  ~PubSubClient();

  PubSubClient& setServer(IPAddress ip, uint16_t port);
  PubSubClient& setServer(uint8_t* ip, uint16_t port);
  PubSubClient& setServer(const char* domain, uint16_t port);
  PubSubClient& setCallback(MQTT_CALLBACK_SIGNATURE);
  PubSubClient& setClient(Client& client);
  PubSubClient& setStream(Stream& stream);
  PubSubClient& setKeepAlive(uint16_t keepAlive);
  PubSubClient& setSocketTimeout(uint16_t timeout);

  boolean setBufferSize(uint16_t size);
  uint16_t getBufferSize();

  boolean connect(const char* id);
  boolean connect(const char* id, const char* user, const char* pass);
  boolean connect(const char* id, const char* willTopic, uint8_t willQos, boolean willRetain, const char* willMessage);
  boolean connect(const char* id, const char* user, const char* pass, const char* willTopic, uint8_t willQos,
                  boolean willRetain, const char* willMessage);
  boolean connect(const char* id, const char* user, const char* pass, const char* willTopic, uint8_t willQos,
                  boolean willRetain, const char* willMessage, boolean cleanSession);
  void disconnect();
  boolean publish(const char* topic, const char* payload);
  boolean publish(const char* topic, const char* payload, boolean retained);
  boolean publish(const char* topic, const uint8_t* payload, unsigned int plength);
  boolean publish(const char* topic, const uint8_t* payload, unsigned int plength, boolean retained);
  boolean publish_P(const char* topic, const char* payload, boolean retained);
  boolean publish_P(const char* topic, const uint8_t* payload, unsigned int plength, boolean retained);
  boolean beginPublish(const char* topic, unsigned int plength, boolean retained);
  int endPublish();
  virtual size_t write(uint8_t);
  virtual size_t write(const uint8_t* buffer, size_t size);
  boolean subscribe(const char* topic);
  boolean subscribe(const char* topic, uint8_t qos);
  boolean unsubscribe(const char* topic);
  boolean loop();
  boolean connected();
  int state();
};
