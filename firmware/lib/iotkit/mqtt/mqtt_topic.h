// Topic checks both platforms apply before a packet is built: libmosquitto refuses a bad topic
// but PubSubClient sends whatever it is given and the broker then drops the connection, so the
// kit checks once, here, and both adapters answer the same MqttError::InvalidTopic.
#pragma once

namespace iotkit {

/** The longest topic the kit accepts (the protocol allows 65535 bytes; devices never need that). */
constexpr unsigned kMqttMaxTopicLength = 256;

/**
 * nullptr when `topic` may be published to; otherwise why not (empty, too long, contains `+` or
 * `#`, or is a null pointer).
 */
const char* mqttTopicNameProblem(const char* topic);

/**
 * nullptr when `filter` may be subscribed to: `+` must fill a whole level, `#` must be the whole
 * last level; otherwise why not.
 */
const char* mqttTopicFilterProblem(const char* filter);

}  // namespace iotkit
