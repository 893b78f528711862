// Writes the virtual device's outputs as JSON lines on stdout (see DEVICE-PROTOCOL in
// docs/guides/firmware.md). One line per event, flushed at once so a reader sees it live.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "iotkit/hal/interfaces.h"
#include "iotkit/json/json_doc.h"

namespace iotkit::host {

class EventWriter {
 public:
  EventWriter(Clock& clock, std::FILE* out) : clock_(clock), out_(out) {}

  void boot(const char* app);
  void lcd(const char* line0, const char* line1);
  void servo(int32_t angle);
  void http(const char* method, const std::string& url, int32_t status, uint32_t ms, const char* error);
  void log(LogLevel level, const char* message);
  /** Answers a `mark` input: the device's clock now, after a loop pass. */
  void mark(int32_t id);

 private:
  void write(cJSON* event);
  Clock& clock_;
  std::FILE* out_;
};

}  // namespace iotkit::host
