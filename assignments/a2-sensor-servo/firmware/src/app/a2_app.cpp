// Assignment 2: the device's logic (keypad sign-in, readings up, one stream down, servo and LCD out).
// setup(), loop(), showPasswordPrompt() and applyAngle() are given and call the six functions that
// are the assignment: onKey, submitPassword, sendReading, startStreaming, onChange, publishOutputs
// (a TODO each in the starter). The members they share are declared in a2_app.h.
#include "a2_app.h"

#include <cstdio>
#include <cstring>

#include "iotkit/json/json_doc.h"

namespace a2 {

using iotkit::Board;
using iotkit::LogLevel;

namespace {
constexpr size_t kMaxPasswordLength = 16;

bool isWrongPassword(iotkit::AuthStatus status) { return status == iotkit::AuthStatus::InvalidCredentials; }
}  // namespace

void A2App::setup(Board& board) {
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
  stream_.reset(new iotkit::RtdbStream(board.stream, *db_, board.clock));
  showPasswordPrompt();
  lcd_.flush(board.lcd);
}

void A2App::loop(Board& board) {
  if (phase_ == Phase::Halted) return;
  const uint32_t now = board.clock.millis();
  if (phase_ == Phase::LockedOut && now - lockedAt_ >= settings_.lockoutMs) {
    phase_ = Phase::EnterPassword;
    failures_ = 0;
    showPasswordPrompt();
  }
  for (char key = board.keypad.getKey(); key != 0; key = board.keypad.getKey()) onKey(board, key);

  if (phase_ == Phase::Running) {
    auth_->tick();
    if (readingDue_ || now - lastReadingAt_ >= settings_.readingIntervalMs) {
      readingDue_ = false;
      lastReadingAt_ = now;
      sendReading(board, board.ir.read());
    }
    stream_->poll();
    if (outputsDirty_) publishOutputs();
  }
  lcd_.flush(board.lcd);
}

void A2App::showPasswordPrompt() {
  lcd_.setLine(0, "Password:");
  lcd_.setLine(1, std::string(typed_.size(), '*').c_str());
}

// ---------------------------------------------------------------------------------------------
// Part 1: the keypad password, Firebase Auth sign-in, wrong passwords and the lockout.
// ---------------------------------------------------------------------------------------------

void A2App::onKey(Board& board, char key) {
  // BEGIN SOLUTION: digits go into typed_ (showPasswordPrompt() shows one * each), * deletes the last one, # calls submitPassword(board) when typed_ is not empty; only while phase_ is Phase::EnterPassword; while phase_ is Phase::LockedOut show "Locked" instead
  if (phase_ == Phase::LockedOut) {
    const uint32_t left = settings_.lockoutMs - (board.clock.millis() - lockedAt_);
    lcd_.setLine(0, "Locked");
    lcd_.setLinef(1, "wait %lus", static_cast<unsigned long>((left + 999) / 1000));
    return;
  }
  if (phase_ != Phase::EnterPassword) return;
  if (key >= '0' && key <= '9') {
    if (typed_.size() < kMaxPasswordLength) typed_.push_back(key);
    showPasswordPrompt();
  } else if (key == '*') {
    if (!typed_.empty()) typed_.pop_back();
    showPasswordPrompt();
  } else if (key == '#') {
    if (!typed_.empty()) submitPassword(board);
  }
  // END SOLUTION
}

void A2App::submitPassword(Board& board) {
  // BEGIN SOLUTION: auth_->signInWithPassword(board.config.email, typed_), then clear typed_; on success base_ = "/devices/" + auth_->uid(), failures_ = 0, phase_ = Phase::Running, startStreaming(board); a wrong password: ++failures_ and "Wrong password" on the LCD, and at settings_.maxAttempts phase_ = Phase::LockedOut with lockedAt_ = board.clock.millis()
  lcd_.setLine(0, "Signing in...");
  lcd_.setLine(1, "");
  lcd_.flush(board.lcd);
  const iotkit::AuthStatus status = auth_->signInWithPassword(board.config.email.c_str(), typed_.c_str());
  typed_.assign(typed_.size(), '\0');  // do not keep the secret around
  typed_.clear();
  if (status == iotkit::AuthStatus::Ok) {
    failures_ = 0;
    base_ = "/devices/" + auth_->uid();
    iotkit::logf(board.log, LogLevel::Info, "signed in as %s", auth_->uid().c_str());
    lcd_.setLine(0, "Signed in");
    lcd_.setLine(1, auth_->uid().c_str());
    phase_ = Phase::Running;
    startStreaming(board);
    return;
  }
  if (isWrongPassword(status)) {
    ++failures_;
    iotkit::logf(board.log, LogLevel::Warn, "wrong password (%lu of %lu)", static_cast<unsigned long>(failures_),
                 static_cast<unsigned long>(settings_.maxAttempts));
    if (failures_ >= settings_.maxAttempts) {
      phase_ = Phase::LockedOut;
      lockedAt_ = board.clock.millis();
      lcd_.setLine(0, "Locked");
      lcd_.setLinef(1, "wait %lus", static_cast<unsigned long>((settings_.lockoutMs + 999) / 1000));
      return;
    }
    lcd_.setLine(0, "Wrong password");
    lcd_.setLinef(1, "%lu tries left", static_cast<unsigned long>(settings_.maxAttempts - failures_));
    return;
  }
  // Network or server trouble is not the user's fault: no attempt is counted.
  iotkit::logf(board.log, LogLevel::Error, "sign-in failed: %s", iotkit::authStatusCode(status));
  lcd_.setLine(0, "Auth error");
  lcd_.setLine(1, iotkit::authStatusCode(status));
  // END SOLUTION
}

// ---------------------------------------------------------------------------------------------
// Part 2: readings up (push + latest, server timestamps), values down (one SSE stream).
// ---------------------------------------------------------------------------------------------

void A2App::sendReading(Board& board, int32_t ir) {
  // BEGIN SOLUTION: push {ir, ts: server timestamp} with db_->post(base_ + "/readings"), then db_->put the same body to base_ + "/latest"; then lastSentIr_ = ir
  iotkit::JsonDoc reading = iotkit::JsonDoc::object();
  reading.set("ir", static_cast<double>(ir)).setServerTimestamp("ts");
  std::string body;
  reading.print(body);
  iotkit::RtdbResult result;
  if (db_->post((base_ + "/readings").c_str(), body.c_str(), result) != iotkit::RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Warn, "push reading failed: %s %s", iotkit::rtdbStatusCode(result.status), result.error.c_str());
    return;
  }
  if (db_->put((base_ + "/latest").c_str(), body.c_str(), result) != iotkit::RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Warn, "set latest failed: %s %s", iotkit::rtdbStatusCode(result.status), result.error.c_str());
    return;
  }
  lastSentIr_ = ir;
  // END SOLUTION
}

void A2App::startStreaming(Board& board) {
  // BEGIN SOLUTION: open ONE stream: stream_->begin(base_ + "/latest", *this), or base_ + "/servo" when settings_.mode is AngleSource::Function
  const std::string path = base_ + (settings_.mode == AngleSource::Function ? "/servo" : "/latest");
  if (stream_->begin(path.c_str(), *this) != iotkit::RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Error, "cannot stream %s", path.c_str());
  }
  // END SOLUTION
}

void A2App::onChange(iotkit::StreamEventKind kind, const char* path, const cJSON* data) {
  (void)kind;
  // BEGIN SOLUTION: read ir from the event (path "/" carries {ir, ts}, path "/ir" the number), map it with iotkit::mapReading(calibration_, ir, angle), set shownIr_ = ir and call applyAngle(angle, "device"); when settings_.mode is AngleSource::Function take the angle of a /servo event with source "function" instead, with shownIr_ = lastSentIr_
  // A put on "/" carries the whole node; a put or patch deeper carries one field.
  const bool whole = std::strcmp(path, "/") == 0;
  if (settings_.mode == AngleSource::Local) {
    int32_t ir = 0;
    if (whole ? !iotkit::jsonInt(data, "ir", ir) : (std::strcmp(path, "/ir") != 0 || !cJSON_IsNumber(data))) return;
    if (!whole) ir = static_cast<int32_t>(data->valuedouble);
    int32_t angle = 0;
    if (iotkit::mapReading(calibration_, ir, angle).status != iotkit::MapStatus::Ok) return;
    shownIr_ = ir;
    applyAngle(angle, "device");
  } else {
    int32_t angle = 0;
    std::string source;
    if (whole) {
      if (!iotkit::jsonInt(data, "angle", angle) || !iotkit::jsonString(data, "source", source) || source != "function") return;
    } else if (std::strcmp(path, "/angle") == 0 && cJSON_IsNumber(data)) {
      angle = static_cast<int32_t>(data->valuedouble);
    } else {
      return;
    }
    shownIr_ = lastSentIr_;
    applyAngle(angle, "function");
  }
  // END SOLUTION
}

void A2App::onNotice(iotkit::StreamNotice notice, int32_t httpStatus) {
  if (board_ == nullptr) return;
  iotkit::logf(board_->log, notice == iotkit::StreamNotice::Connected ? LogLevel::Info : LogLevel::Warn, "stream %s (%ld)",
               iotkit::streamNoticeName(notice), static_cast<long>(httpStatus));
}

// ---------------------------------------------------------------------------------------------
// Part 3: outputs: servo, LCD, and their mirror in the database for the dashboard.
// ---------------------------------------------------------------------------------------------

void A2App::applyAngle(int32_t angle, const char* source) {
  (void)source;
  // Every reading re-sends latest (new ts), so most events repeat what is already shown.
  if (angle == shownAngle_ && shownIr_ == publishedIr_) return;
  shownAngle_ = angle;
  publishedIr_ = shownIr_;
  outputsDirty_ = true;
}

void A2App::publishOutputs() {
  outputsDirty_ = false;
  // BEGIN SOLUTION: board_->servo.write(shownAngle_); lcd_ line 1 "IR <shownIr_>", line 2 "Angle <shownAngle_>"; db_->put {angle, source: "device", ts} to base_ + "/servo" (only when settings_.mode is AngleSource::Local) and {line1, line2} of the LCD to base_ + "/lcd"
  board_->servo.write(shownAngle_);
  lcd_.setLinef(0, "IR %ld", static_cast<long>(shownIr_));
  lcd_.setLinef(1, "Angle %ld", static_cast<long>(shownAngle_));
  iotkit::RtdbResult result;
  std::string body;
  if (settings_.mode == AngleSource::Local) {
    iotkit::JsonDoc servo = iotkit::JsonDoc::object();
    servo.set("angle", static_cast<double>(shownAngle_)).set("source", "device").setServerTimestamp("ts");
    servo.print(body);
    db_->put((base_ + "/servo").c_str(), body.c_str(), result);
  }
  char line1[iotkit::LcdText::kCols + 1];
  char line2[iotkit::LcdText::kCols + 1];
  lcd_.trimmedRow(0, line1);
  lcd_.trimmedRow(1, line2);
  iotkit::JsonDoc lcd = iotkit::JsonDoc::object();
  lcd.set("line1", line1).set("line2", line2);
  body.clear();
  lcd.print(body);
  db_->put((base_ + "/lcd").c_str(), body.c_str(), result);
  // END SOLUTION
}

}  // namespace a2

IOTKIT_REGISTER_APP(a2::A2App)
