#include "iotkit/host/input_source.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "iotkit/json/json_doc.h"

namespace iotkit::host {

bool parseInputLine(const std::string& line, Input& out, std::string& problem) {
  JsonDoc doc;
  if (!doc.parse(line) || !cJSON_IsObject(doc.root())) {
    problem = "input is not a JSON object";
    return false;
  }
  std::string type;
  if (!jsonString(doc.root(), "type", type)) {
    problem = "input has no string \"type\"";
    return false;
  }
  out = Input{};
  const cJSON* at = cJSON_GetObjectItemCaseSensitive(doc.root(), "at");
  if (at != nullptr) {
    if (!cJSON_IsNumber(at) || !(at->valuedouble >= 0) || at->valuedouble > 4.0e9) {
      problem = "\"at\" must be a number of ms >= 0";
      return false;
    }
    out.at = static_cast<uint32_t>(at->valuedouble);
  }
  if (type == "ir") {
    double value = 0;
    if (!jsonNumber(doc.root(), "value", value) || !std::isfinite(value) || std::floor(value) != value ||
        value < -100000 || value > 100000) {
      problem = "ir input needs an integer \"value\"";
      return false;
    }
    out.type = InputType::Ir;
    out.value = static_cast<int32_t>(value);
    return true;
  }
  if (type == "key") {
    std::string key;
    if (!jsonString(doc.root(), "key", key) || key.size() != 1 ||
        std::string("0123456789*#ABCD").find(key[0]) == std::string::npos) {
      problem = "key input needs \"key\": one of 0-9 * # A B C D";
      return false;
    }
    out.type = InputType::Key;
    out.key = key[0];
    return true;
  }
  if (type == "quit") {
    out.type = InputType::Quit;
    return true;
  }
  if (type == "mark") {
    double id = 0;
    if (!jsonNumber(doc.root(), "id", id) || !std::isfinite(id) || std::floor(id) != id || id < 0 ||
        id > 2147483647.0) {
      problem = "mark input needs an integer \"id\" >= 0";
      return false;
    }
    out.type = InputType::Mark;
    out.value = static_cast<int32_t>(id);
    return true;
  }
  problem = "unknown input type \"" + type + "\"";
  return false;
}

bool InputSource::loadScenario(const char* path, std::string& problem) {
  std::ifstream file(path);
  if (!file) {
    problem = std::string("cannot read scenario file ") + path;
    return false;
  }
  std::string line;
  size_t number = 0;
  while (std::getline(file, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Input input;
    std::string why;
    if (!parseInputLine(line, input, why)) {
      problem = "scenario line " + std::to_string(number) + ": " + why;
      return false;
    }
    scenario_.push_back(input);
  }
  std::stable_sort(scenario_.begin(), scenario_.end(), [](const Input& a, const Input& b) { return a.at < b.at; });
  hasScenario_ = true;
  next_ = 0;
  return true;
}

void InputSource::waitForInput(int ms) {
  if (stdinClosed_) {
    ::usleep(static_cast<useconds_t>(ms) * 1000);
    return;
  }
  struct pollfd fd = {0, POLLIN, 0};
  ::poll(&fd, 1, ms);
}

void InputSource::poll(uint32_t nowMs, std::vector<Input>& out, std::vector<std::string>& problems) {
  while (next_ < scenario_.size() && scenario_[next_].at <= nowMs) out.push_back(scenario_[next_++]);
  while (!stdinClosed_) {
    struct pollfd fd = {0, POLLIN, 0};
    if (::poll(&fd, 1, 0) <= 0 || (fd.revents & (POLLIN | POLLHUP)) == 0) break;
    char buffer[1024];
    const ssize_t n = ::read(0, buffer, sizeof(buffer));
    if (n <= 0) {
      stdinClosed_ = true;
      break;
    }
    pending_.append(buffer, static_cast<size_t>(n));
  }
  size_t newline;
  while ((newline = pending_.find('\n')) != std::string::npos) {
    std::string line = pending_.substr(0, newline);
    pending_.erase(0, newline + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Input input;
    std::string why;
    if (parseInputLine(line, input, why)) {
      out.push_back(input);
    } else {
      problems.push_back(why);
    }
  }
}

}  // namespace iotkit::host
