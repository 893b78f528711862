// Inputs of a virtual device: JSON lines read without blocking from stdin, plus an optional
// scenario file whose lines carry "at" (ms since boot) and are applied when the clock gets there.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace iotkit::host {

// Mark: the host answers with a `mark` event once the app's loop has run after it, so a test can
// read the device's own clock and know the device had its turn (see DEVICE-PROTOCOL).
enum class InputType : uint8_t { Ir, Key, Quit, Mark };

struct Input {
  InputType type = InputType::Quit;
  int32_t value = 0;  // IR reading, or the mark's id
  char key = 0;
  uint32_t at = 0;
};

/** Parses one input line; on failure returns false and names the problem. */
bool parseInputLine(const std::string& line, Input& out, std::string& problem);

class InputSource {
 public:
  /** Loads a scenario (JSON lines); false with `problem` naming the line on error. */
  bool loadScenario(const char* path, std::string& problem);
  /** Non-blocking: collects complete stdin lines and due scenario inputs (in order). */
  void poll(uint32_t nowMs, std::vector<Input>& out, std::vector<std::string>& problems);
  /** True when stdin reached EOF. */
  bool stdinClosed() const { return stdinClosed_; }
  bool scenarioActive() const { return hasScenario_; }
  /** Waits up to `ms` for stdin to become readable (the host loop's idle sleep). */
  void waitForInput(int ms);

 private:
  std::vector<Input> scenario_;
  size_t next_ = 0;
  bool hasScenario_ = false;
  std::string pending_;
  bool stdinClosed_ = false;
};

}  // namespace iotkit::host
