// Entry point of every virtual device: builds the host Board, runs the app's setup() once and
// loop() until `quit`, stdin EOF (unless a scenario runs), or the app asks to exit.
#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "iotkit/app/app.h"
#include "iotkit/host/curl_stream.h"
#include "iotkit/host/curl_transport.h"
#include "iotkit/host/event_writer.h"
#include "iotkit/host/file_store.h"
#include "iotkit/host/host_clock.h"
#include "iotkit/host/input_source.h"
#include "iotkit/host/mosquitto_mqtt.h"
#include "iotkit/host/virtual_board.h"

namespace {

class HostRuntime : public iotkit::Runtime {
 public:
  void requestExit(int32_t code) override {
    exitRequested = true;
    exitCode = code;
  }
  bool exitRequested = false;
  int32_t exitCode = 0;
};

int usage(const char* self) {
  std::fprintf(stderr, "usage: %s --config <file.json> [--scenario <file.jsonl>] [--store <file.json>]\n", self);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const char* configPath = nullptr;
  const char* scenarioPath = nullptr;
  // The persistent store (NVS on the ESP32): a file that outlives the process, so stopping and
  // starting the device again is a reboot. Without one the store is memory, gone at exit.
  const char* storePath = std::getenv("IOTKIT_STORE_FILE");
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
      configPath = argv[++i];
    } else if (std::strcmp(argv[i], "--scenario") == 0 && i + 1 < argc) {
      scenarioPath = argv[++i];
    } else if (std::strcmp(argv[i], "--store") == 0 && i + 1 < argc) {
      storePath = argv[++i];
    } else {
      return usage(argv[0]);
    }
  }
  if (configPath == nullptr) return usage(argv[0]);

  curl_global_init(CURL_GLOBAL_DEFAULT);
  iotkit::host::HostClock clock;
  iotkit::host::EventWriter events(clock, stdout);
  iotkit::App& app = iotkit::iotkitApp();
  iotkit::host::EventLogger logger(events);

  auto fatal = [&](const std::string& message) {
    events.log(iotkit::LogLevel::Error, message.c_str());
    curl_global_cleanup();
    return 1;
  };

  iotkit::DeviceConfig config;
  {
    std::ifstream file(configPath);
    if (!file) return fatal(std::string("cannot read config file ") + configPath);
    std::stringstream text;
    text << file.rdbuf();
    std::string problem;
    if (iotkit::parseDeviceConfig(text.str().c_str(), config, problem) != iotkit::ConfigStatus::Ok) {
      return fatal(problem);
    }
  }
  iotkit::host::InputSource inputs;
  if (scenarioPath != nullptr) {
    std::string problem;
    if (!inputs.loadScenario(scenarioPath, problem)) return fatal(problem);
  }

  int exitCode = 0;
  {
    iotkit::host::VirtualSensor ir;
    iotkit::host::VirtualKeypad keypad;
    iotkit::host::VirtualDisplay display(events);
    iotkit::host::VirtualServo servo(events);
    iotkit::host::MemoryStore memoryStore;
    iotkit::host::FileStore fileStore(storePath != nullptr ? storePath : "");
    const bool persistent = storePath != nullptr && storePath[0] != '\0';
    iotkit::KeyValueStore& store = persistent ? static_cast<iotkit::KeyValueStore&>(fileStore) : memoryStore;
    iotkit::host::CurlTransport curl;
    // IOTKIT_SIM_LATENCY_MS: simulated network latency per request (see @iotkit/devices).
    const char* latency = std::getenv("IOTKIT_SIM_LATENCY_MS");
    const long latencyMs = latency != nullptr ? std::strtol(latency, nullptr, 10) : 0;
    iotkit::host::RecordingTransport http(curl, clock, events,
                                          latencyMs > 0 && latencyMs < 60000 ? static_cast<uint32_t>(latencyMs) : 0);
    iotkit::host::CurlStream curlStream;
    iotkit::host::RecordingStream stream(curlStream, clock, events);
    HostRuntime runtime;
    iotkit::host::MosquittoMqtt mqtt;
    iotkit::Board board{ir, keypad, display, servo, clock, http, stream, store, logger, runtime, config, &mqtt};

    events.boot(app.name());
    app.setup(board);
    display.flushEvent();
    std::vector<iotkit::host::Input> due;
    std::vector<int32_t> marks;  // answered after this pass's loop(), never before
    std::vector<std::string> problems;
    bool quit = false;
    while (!quit && !runtime.exitRequested) {
      due.clear();
      problems.clear();
      inputs.poll(clock.millis(), due, problems);
      for (const std::string& problem : problems) events.log(iotkit::LogLevel::Warn, ("bad input: " + problem).c_str());
      for (const auto& input : due) {
        if (input.type == iotkit::host::InputType::Ir) ir.set(input.value);
        if (input.type == iotkit::host::InputType::Key) keypad.push(input.key);
        if (input.type == iotkit::host::InputType::Quit) quit = true;
        if (input.type == iotkit::host::InputType::Mark) marks.push_back(input.value);
      }
      if (quit) break;
      if (inputs.stdinClosed() && !inputs.scenarioActive()) break;
      app.loop(board);
      display.flushEvent();
      for (const int32_t id : marks) events.mark(id);
      marks.clear();
      inputs.waitForInput(2);
    }
    if (runtime.exitRequested) exitCode = runtime.exitCode;
  }
  curl_global_cleanup();
  return exitCode;
}
