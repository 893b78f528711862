// Assignment 5: the device pushes a batch of readings, then asks the Realtime Database for every
// reading whose chosen child starts with a chosen prefix (orderBy + startAt + endAt with
// U+F8FF), shows the count and pages through the matches on the LCD (# next, * previous,
// A asks again), and writes a summary to /devices/{uid}/queries/latest. Bonus: the same query
// kept open as an SSE stream, so a reading that enters the selection shows up on the LCD. The
// same file runs on the ESP32 (src/main.cpp) and as a virtual device on a computer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "a5_matches.h"
#include "a5_settings.h"
#include "iotkit/app/app.h"
#include "iotkit/auth/auth_client.h"
#include "iotkit/lcd/lcd_text.h"
#include "iotkit/rtdb/rtdb_client.h"
#include "iotkit/rtdb/rtdb_query.h"
#include "iotkit/rtdb/rtdb_stream.h"

namespace a5 {

enum class Phase : uint8_t { SignedOut, Ready, Halted };

class A5App : public iotkit::App, private iotkit::RtdbStreamListener {
 public:
  const char* name() const override { return "a5"; }
  void setup(iotkit::Board& board) override;
  void loop(iotkit::Board& board) override;

 private:
  void signIn();
  // --- the assignment ---
  bool pushBatch();
  void buildQuery(iotkit::RtdbQuery& query) const;
  /** The node the query reads: `<base>/labels` for "$value", else `<base>/readings`. */
  std::string queryNode() const;
  void runQuery();
  void showPage();
  void writeSummary();
  // --- bonus: the query kept open as a stream ---
  void startLive(const iotkit::RtdbQuery& query);
  void onChange(iotkit::StreamEventKind kind, const char* path, const cJSON* data) override;
  void onNotice(iotkit::StreamNotice notice, int32_t httpStatus) override;
  void onKey(char key);
  void showTodo(const char* what);

  iotkit::Board* board_ = nullptr;
  Settings settings_;
  std::unique_ptr<iotkit::AuthClient> auth_;
  std::unique_ptr<iotkit::RtdbClient> db_;
  std::unique_ptr<iotkit::RtdbStream> stream_;
  iotkit::LcdText lcd_;
  Phase phase_ = Phase::SignedOut;
  /** `/devices/<uid>`: the subtree the device works in. */
  std::string base_;
  /** The last query's matches, in Firebase's order, and the one on the LCD. */
  std::vector<Match> matches_;
  size_t page_ = 0;
};

}  // namespace a5
