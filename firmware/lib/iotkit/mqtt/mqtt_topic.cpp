#include "iotkit/mqtt/mqtt_topic.h"

#include <cstring>

namespace iotkit {

namespace {

const char* lengthProblem(const char* text) {
  if (text == nullptr) return "no topic given";
  const size_t length = std::strlen(text);
  if (length == 0) return "a topic cannot be empty";
  if (length > kMqttMaxTopicLength) return "the topic is longer than 256 bytes";
  return nullptr;
}

}  // namespace

const char* mqttTopicNameProblem(const char* topic) {
  if (const char* problem = lengthProblem(topic)) return problem;
  if (std::strpbrk(topic, "+#") != nullptr) return "a topic name cannot contain the wildcards + or #";
  return nullptr;
}

const char* mqttTopicFilterProblem(const char* filter) {
  if (const char* problem = lengthProblem(filter)) return problem;
  for (const char* c = filter; *c != '\0'; ++c) {
    const bool levelStart = c == filter || c[-1] == '/';
    const bool levelEnd = c[1] == '\0' || c[1] == '/';
    if (*c == '+' && !(levelStart && levelEnd)) return "+ must be a whole level of the filter";
    if (*c == '#' && !(levelStart && c[1] == '\0')) return "# must be the whole last level of the filter";
  }
  return nullptr;
}

}  // namespace iotkit
