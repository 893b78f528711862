// Assignment 3: the device's logic. The function bodies marked TODO in the starter are the
// assignment; everything else is given, and each unwritten part answers with a stub so it builds.
#include "a3_app.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include "iotkit/json/json_doc.h"

namespace a3 {

using iotkit::Board;
using iotkit::LogLevel;
using iotkit::RtdbQuery;
using iotkit::RtdbResult;
using iotkit::RtdbStatus;

void A3App::setup(Board& board) {
  board_ = &board;
  std::string problem;
  if (!parseSettings(board.config.appJson, settings_, problem)) {
    iotkit::logf(board.log, LogLevel::Error, "bad config: %s", problem.c_str());
    lcd_.setLine(0, "Config error");
    lcd_.setLine(1, problem.c_str());
    lcd_.flush(board.lcd);
    phase_ = Phase::Halted;
    board.runtime.requestExit(2);
    return;
  }
  auth_.reset(new iotkit::AuthClient(board.http, board.clock, &board.store));
  auth_->configure({board.config.authUrl, board.config.apiKey, 300000});
  db_.reset(new iotkit::RtdbClient(board.http, auth_.get()));
  db_->configure(board.config.rtdbUrl.c_str(), board.config.ns.c_str());
  signIn();
  lcd_.flush(board.lcd);
}

void A3App::loop(Board& board) {
  if (phase_ == Phase::Halted) return;
  for (char key = board.keypad.getKey(); key != 0; key = board.keypad.getKey()) {
    if (phase_ == Phase::SignedOut) {
      // Any key tries the sign-in again (the network may be back).
      signIn();
      continue;
    }
    runAction(menu_.onKey(key));
  }
  if (phase_ == Phase::Ready) auth_->tick();
  lcd_.flush(board.lcd);
}

void A3App::signIn() {
  lcd_.setLine(0, "Signing in...");
  lcd_.setLine(1, "");
  lcd_.flush(board_->lcd);
  const iotkit::AuthStatus status =
      auth_->signInWithPassword(board_->config.email.c_str(), board_->config.password.c_str());
  if (status != iotkit::AuthStatus::Ok) {
    iotkit::logf(board_->log, LogLevel::Error, "sign-in failed: %s %s", iotkit::authStatusCode(status),
                 auth_->lastError().c_str());
    lcd_.setLine(0, "Sign-in failed");
    lcd_.setLine(1, "key = try again");
    return;
  }
  base_ = "/devices/" + (settings_.target.empty() ? auth_->uid() : settings_.target);
  iotkit::logf(board_->log, LogLevel::Info, "signed in as %s, working on %s", auth_->uid().c_str(), base_.c_str());
  phase_ = Phase::Ready;
  menu_.showMenu();
  menu_.render(lcd_);
}

void A3App::runAction(MenuAction action) {
  switch (action) {
    case MenuAction::None:
      return;
    case MenuAction::Redraw:
      menu_.render(lcd_);
      return;
    case MenuAction::Read:
      lcd_.setLine(0, "Reading...");
      lcd_.setLine(1, "");
      lcd_.flush(board_->lcd);
      readLatest();
      break;
    case MenuAction::Update:
      lcd_.setLine(0, "Saving...");
      lcd_.setLine(1, "");
      lcd_.flush(board_->lcd);
      updateThreshold(menu_.threshold());
      break;
    case MenuAction::Delete:
      lcd_.setLine(0, "Deleting...");
      lcd_.setLine(1, "");
      lcd_.flush(board_->lcd);
      deleteOldest();
      break;
  }
  menu_.showResult();
}

// ---------------------------------------------------------------------------------------------
// Part 1: the three operations. Each one puts its outcome on the LCD.
// ---------------------------------------------------------------------------------------------

void A3App::readLatest() {
  // BEGIN SOLUTION: GET <base>/readings with a query (orderByKey + limitToLast(kReadCount)); show "Last <n> readings" and the ir values oldest first, or "Not found" when there are none
  // STUB: showTodo("read");
  RtdbQuery query;
  query.orderByKey().limitToLast(kReadCount);
  RtdbResult result;
  if (send(Request::Get, base_ + "/readings", nullptr, &query, result) != RtdbStatus::Ok) {
    showFailure("Read", result);
    return;
  }
  iotkit::JsonDoc doc;
  if (!doc.parse(result.body)) {
    showFailure("Read", result);
    return;
  }
  // Push ids sort by time, so key order is oldest first (JSON object order is not guaranteed).
  std::vector<std::pair<std::string, int32_t>> readings;
  const cJSON* child = nullptr;
  if (cJSON_IsObject(doc.root())) {
    cJSON_ArrayForEach(child, doc.root()) {
      int32_t ir = 0;
      if (child->string != nullptr && iotkit::jsonInt(child, "ir", ir)) readings.emplace_back(child->string, ir);
    }
  }
  if (readings.empty()) {
    showNotFound("Read", "no readings");
    return;
  }
  std::sort(readings.begin(), readings.end());
  std::string values;
  for (const auto& reading : readings) {
    if (!values.empty()) values.push_back(' ');
    values += std::to_string(reading.second);
  }
  lcd_.setLinef(0, "Last %u readings", static_cast<unsigned>(readings.size()));
  lcd_.setLine(1, values.c_str());
  iotkit::logf(board_->log, LogLevel::Info, "read %u readings: %s", static_cast<unsigned>(readings.size()),
               values.c_str());
  // END SOLUTION
}

void A3App::updateThreshold(int32_t threshold) {
  // BEGIN SOLUTION: PATCH <base>/config with {"threshold": <n>} only (never PUT the whole config: intervalMs and label must stay); show "Saved" and the value
  // STUB: (void)threshold;
  // STUB: showTodo("update");
  iotkit::JsonDoc change = iotkit::JsonDoc::object();
  change.set("threshold", static_cast<double>(threshold));
  std::string body;
  change.print(body);
  RtdbResult result;
  if (send(Request::Patch, base_ + "/config", body.c_str(), nullptr, result) != RtdbStatus::Ok) {
    showFailure("Update", result);
    return;
  }
  lcd_.setLine(0, "Saved threshold");
  lcd_.setLinef(1, "%ld", static_cast<long>(threshold));
  iotkit::logf(board_->log, LogLevel::Info, "threshold saved: %ld", static_cast<long>(threshold));
  // END SOLUTION
}

void A3App::deleteOldest() {
  // BEGIN SOLUTION: find the oldest reading (GET <base>/readings, orderByKey + limitToFirst(1)), then DELETE exactly <base>/readings/<key>; "Not found" when there is none
  // STUB: showTodo("delete");
  RtdbQuery query;
  query.orderByKey().limitToFirst(1);
  RtdbResult result;
  if (send(Request::Get, base_ + "/readings", nullptr, &query, result) != RtdbStatus::Ok) {
    showFailure("Delete", result);
    return;
  }
  iotkit::JsonDoc doc;
  const cJSON* oldest = nullptr;
  if (doc.parse(result.body) && cJSON_IsObject(doc.root())) oldest = doc.root()->child;
  if (oldest == nullptr || oldest->string == nullptr) {
    showNotFound("Delete", "no readings");
    return;
  }
  const std::string key = oldest->string;
  int32_t ir = -1;
  iotkit::jsonInt(oldest, "ir", ir);
  if (send(Request::Delete, base_ + "/readings/" + key, nullptr, nullptr, result) != RtdbStatus::Ok) {
    showFailure("Delete", result);
    return;
  }
  lcd_.setLine(0, "Deleted oldest");
  lcd_.setLinef(1, "ir %ld", static_cast<long>(ir));
  iotkit::logf(board_->log, LogLevel::Info, "deleted reading %s (ir %ld)", key.c_str(), static_cast<long>(ir));
  // END SOLUTION
}

// ---------------------------------------------------------------------------------------------
// Part 2: sending a request, with one retry after an expired ID token; clear failure messages.
// ---------------------------------------------------------------------------------------------

RtdbStatus A3App::send(Request request, const std::string& path, const char* json, const RtdbQuery* query,
                       RtdbResult& out) {
  // BEGIN SOLUTION: send once; if the answer is 401 with "expired" in the error, refresh the ID token (auth_->refresh()) and send the same request once more
  // STUB: return sendOnce(request, path, json, query, out);
  const RtdbStatus status = sendOnce(request, path, json, query, out);
  const bool expired = out.httpStatus == 401 && out.error.find("expired") != std::string::npos;
  if (!expired) return status;
  iotkit::logf(board_->log, LogLevel::Warn, "ID token expired: refreshing, then repeating the request once");
  const iotkit::AuthStatus refreshed = auth_->refresh();
  if (refreshed != iotkit::AuthStatus::Ok) {
    iotkit::logf(board_->log, LogLevel::Error, "token refresh failed: %s", iotkit::authStatusCode(refreshed));
    return status;
  }
  return sendOnce(request, path, json, query, out);
  // END SOLUTION
}

RtdbStatus A3App::sendOnce(Request request, const std::string& path, const char* json, const RtdbQuery* query,
                           RtdbResult& out) {
  switch (request) {
    case Request::Get:
      return db_->get(path.c_str(), out, query);
    case Request::Patch:
      return db_->patch(path.c_str(), json, out);
    case Request::Delete:
      return db_->remove(path.c_str(), out);
  }
  return db_->get(path.c_str(), out, query);
}

void A3App::showFailure(const char* operation, const RtdbResult& result) {
  iotkit::logf(board_->log, LogLevel::Warn, "%s failed: %s (HTTP %ld) %s", operation, iotkit::rtdbStatusCode(result.status),
               static_cast<long>(result.httpStatus), result.error.c_str());
  // BEGIN SOLUTION: say what went wrong on the LCD: "Denied" (401/403: the rules refused), "Network error" (no answer), "Not found" (404), else "Error <status>"
  // STUB: lcd_.setLine(0, "Error");
  // STUB: lcd_.setLine(1, operation);
  switch (result.status) {
    case RtdbStatus::PermissionDenied:
      lcd_.setLine(0, "Denied");
      lcd_.setLinef(1, "%s refused", operation);
      break;
    case RtdbStatus::TransportFailed:
      lcd_.setLine(0, "Network error");
      lcd_.setLinef(1, "%s not done", operation);
      break;
    case RtdbStatus::NotFound:
      showNotFound(operation, "HTTP 404");
      break;
    default:
      lcd_.setLinef(0, "Error %ld", static_cast<long>(result.httpStatus));
      lcd_.setLinef(1, "%s: %s", operation, result.error.c_str());
      break;
  }
  // END SOLUTION
}

void A3App::showNotFound(const char* operation, const char* what) {
  iotkit::logf(board_->log, LogLevel::Info, "%s: nothing to work on (%s)", operation, what);
  lcd_.setLine(0, "Not found");
  lcd_.setLine(1, what);
}

void A3App::showTodo(const char* operation) {
  iotkit::logf(board_->log, LogLevel::Warn, "%s is not written yet", operation);
  lcd_.setLine(0, "TODO");
  lcd_.setLinef(1, "%s not written", operation);
}

}  // namespace a3

IOTKIT_REGISTER_APP(a3::A3App)
