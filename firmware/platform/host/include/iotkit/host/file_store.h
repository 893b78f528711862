// The virtual device's persistent store: what NVS/Preferences is on the ESP32. One JSON object
// of strings in a file, so a "reboot" (stop the process, start it again with the same file)
// keeps what the app saved, e.g. a rotated refresh token.
#pragma once

#include <string>

#include "iotkit/hal/interfaces.h"

namespace iotkit::host {

/**
 * Reads the file on every get() (another program, e.g. a provisioning tool, may have written
 * it since) and replaces it atomically on every change (write a sibling, then rename), so a
 * crash never leaves half a file. A missing file is an empty store; an unreadable or malformed
 * one makes get() fail and put()/remove() start it over, never crash.
 */
class FileStore : public KeyValueStore {
 public:
  explicit FileStore(std::string path) : path_(std::move(path)) {}
  bool get(const char* key, std::string& out) override;
  bool put(const char* key, const char* value) override;
  bool remove(const char* key) override;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace iotkit::host
