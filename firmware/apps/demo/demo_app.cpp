#include "demo_app.h"

#include <cstdio>

#include "iotkit/json/json_doc.h"

namespace demo {

using iotkit::AuthStatus;
using iotkit::LogLevel;
using iotkit::RtdbStatus;

bool parseDemoSettings(const std::string& json, DemoSettings& out, std::string& problem) {
  iotkit::JsonDoc doc;
  if (!doc.parse(json) || !cJSON_IsObject(doc.root())) {
    problem = "app settings must be a JSON object";
    return false;
  }
  iotkit::jsonString(doc.root(), "pin", out.pin);
  int32_t interval = 0;
  if (iotkit::jsonInt(doc.root(), "readingIntervalMs", interval)) {
    if (interval < 50 || interval > 600000) {
      problem = "app.readingIntervalMs must be between 50 and 600000";
      return false;
    }
    out.readingIntervalMs = static_cast<uint32_t>(interval);
  }
  const cJSON* cal = cJSON_GetObjectItemCaseSensitive(doc.root(), "calibration");
  if (cal != nullptr) {
    double rawMin = 0, rawMax = 4095, angleMin = 0, angleMax = 180;
    iotkit::jsonNumber(cal, "rawMin", rawMin);
    iotkit::jsonNumber(cal, "rawMax", rawMax);
    iotkit::jsonNumber(cal, "angleMin", angleMin);
    iotkit::jsonNumber(cal, "angleMax", angleMax);
    const bool inverted = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cal, "inverted"));
    const iotkit::MapResult r = iotkit::calibrationFromNumbers(rawMin, rawMax, angleMin, angleMax, inverted, out.calibration);
    if (r.status != iotkit::MapStatus::Ok) {
      problem = std::string("app.calibration: ") + r.message;
      return false;
    }
  }
  return true;
}

void DemoApp::setup(iotkit::Board& board) {
  board_ = &board;
  std::string problem;
  if (!parseDemoSettings(board.config.appJson, settings_, problem)) {
    board.log.log(LogLevel::Error, problem.c_str());
    board.runtime.requestExit(2);
    return;
  }
  // Built once and kept: nothing below allocates per loop except the JSON bodies.
  static iotkit::AuthClient auth(board.http, board.clock, &board.store);
  static iotkit::RtdbClient rtdb(board.http, &auth);
  static iotkit::RtdbStream stream(board.stream, rtdb, board.clock);
  auth_ = &auth;
  rtdb_ = &rtdb;
  stream_ = &stream;
  iotkit::AuthConfig authConfig;
  authConfig.authUrl = board.config.authUrl;
  authConfig.apiKey = board.config.apiKey;
  auth.configure(authConfig);
  rtdb.configure(board.config.rtdbUrl.c_str(), board.config.ns.c_str());
  iotkit::PasswordConfig pinConfig;
  pinConfig.secret = settings_.pin.c_str();
  pinConfig.minLength = 4;
  pinConfig.maxLength = 8;
  pinConfig.maxAttempts = 3;
  pinConfig.lockoutBaseMs = 5000;
  pinConfig.lockoutMaxMs = 60000;
  pin_.configure(pinConfig);
  body_.reserve(128);
  path_.reserve(96);
  lcd_.setLine(0, "IoT Kit demo");
  lcd_.setLine(1, "signing in");
  lcd_.flush(board.lcd);
  phase_ = Phase::SignIn;
  nextSignInAt_ = board.clock.millis();
}

void DemoApp::trySignIn(iotkit::Board& board) {
  const uint32_t now = board.clock.millis();
  if (static_cast<int32_t>(now - nextSignInAt_) < 0) return;
  const iotkit::DeviceConfig& c = board.config;
  const AuthStatus status = c.customToken.empty() ? auth_->signInWithPassword(c.email.c_str(), c.password.c_str())
                                                  : auth_->signInWithCustomToken(c.customToken.c_str());
  if (status != AuthStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Warn, "sign-in failed: %s (%s)", iotkit::authStatusCode(status),
                 auth_->lastError().c_str());
    if (status == AuthStatus::InvalidCredentials || status == AuthStatus::MissingConfig ||
        status == AuthStatus::InvalidCustomToken || status == AuthStatus::UserDisabled) {
      lcd_.setLine(1, "sign-in failed");
      lcd_.flush(board.lcd);
      board.log.log(LogLevel::Error, "giving up: the credentials were refused");
      board.runtime.requestExit(3);
      return;
    }
    nextSignInAt_ = now + signInDelayMs_;
    if (signInDelayMs_ < 30000) signInDelayMs_ *= 2;
    return;
  }
  iotkit::logf(board.log, LogLevel::Info, "signed in as %s", auth_->uid().c_str());
  base_ = "devices/" + auth_->uid();
  path_ = base_ + "/servo";
  stream_->begin(path_.c_str(), *this);
  if (settings_.pin.empty()) {
    phase_ = Phase::Running;
    lcd_.setLine(0, "ready");
    lcd_.setLine(1, "");
  } else {
    phase_ = Phase::Pin;
    lcd_.setLine(0, "Enter PIN");
    lcd_.setLine(1, "");
  }
  lcd_.flush(board.lcd);
}

void DemoApp::handlePin(iotkit::Board& board) {
  const uint32_t now = board.clock.millis();
  if (pin_.tick(now) == iotkit::PasswordEvent::Unlocked) {
    lcd_.setLine(0, "Enter PIN");
    lcd_.setLine(1, "");
  }
  for (char key = board.keypad.getKey(); key != 0; key = board.keypad.getKey()) {
    const iotkit::PasswordEvent event = pin_.onKey(key, now);
    switch (event) {
      case iotkit::PasswordEvent::Accepted:
        board.log.log(LogLevel::Info, "PIN accepted");
        lcd_.setLine(0, "PIN OK");
        lcd_.setLine(1, "");
        phase_ = Phase::Running;
        lcd_.flush(board.lcd);
        return;
      case iotkit::PasswordEvent::Rejected:
        board.log.log(LogLevel::Warn, "wrong PIN");
        lcd_.setLine(1, "wrong PIN");
        break;
      case iotkit::PasswordEvent::LockedOut:
        iotkit::logf(board.log, LogLevel::Warn, "locked out for %u ms", static_cast<unsigned>(pin_.lockoutRemainingMs(now)));
        lcd_.setLine(0, "Locked");
        lcd_.setLinef(1, "wait %us", static_cast<unsigned>((pin_.lockoutRemainingMs(now) + 999) / 1000));
        break;
      case iotkit::PasswordEvent::TooShort:
        lcd_.setLine(1, "too short");
        break;
      case iotkit::PasswordEvent::DigitAdded:
      case iotkit::PasswordEvent::Deleted:
        lcd_.setLine(1, pin_.masked());
        break;
      default:
        break;
    }
  }
  lcd_.flush(board.lcd);
}

void DemoApp::upload(iotkit::Board& board, int32_t ir) {
  int32_t angle = 0;
  const iotkit::MapResult mapped = iotkit::mapReading(settings_.calibration, ir, angle);
  if (mapped.status != iotkit::MapStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Error, "mapping failed: %s", mapped.message);
    return;
  }
  body_.clear();
  iotkit::JsonDoc reading = iotkit::JsonDoc::object();
  reading.set("ir", ir).setServerTimestamp("ts");
  reading.print(body_);
  path_ = base_ + "/latest";
  if (rtdb_->put(path_.c_str(), body_.c_str(), result_) != RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Error, "write latest failed: %s (%s)", iotkit::rtdbStatusCode(result_.status),
                 result_.error.c_str());
    return;
  }
  path_ = base_ + "/readings";
  if (rtdb_->post(path_.c_str(), body_.c_str(), result_) != RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Error, "push reading failed: %s", iotkit::rtdbStatusCode(result_.status));
    return;
  }
  path_ = base_ + "/latest";
  if (rtdb_->get(path_.c_str(), result_) != RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Error, "read back failed: %s", iotkit::rtdbStatusCode(result_.status));
    return;
  }
  iotkit::JsonDoc back;
  int32_t readIr = -1;
  double ts = 0;
  if (!back.parse(result_.body) || !iotkit::jsonInt(back.root(), "ir", readIr) || !iotkit::jsonNumber(back.root(), "ts", ts)) {
    board.log.log(LogLevel::Error, "read back: latest is not {ir, ts}");
    return;
  }
  iotkit::logf(board.log, LogLevel::Info, "read back ir=%d ts=%.0f", static_cast<int>(readIr), ts);
  lcd_.setLinef(0, "IR %d", static_cast<int>(readIr));
  lcd_.flush(board.lcd);
  // The servo moves when the stream delivers this write, like any other source's.
  body_.clear();
  iotkit::JsonDoc servo = iotkit::JsonDoc::object();
  servo.set("angle", angle).set("source", "device").setServerTimestamp("ts");
  servo.print(body_);
  path_ = base_ + "/servo";
  if (rtdb_->put(path_.c_str(), body_.c_str(), result_) != RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Error, "write servo failed: %s", iotkit::rtdbStatusCode(result_.status));
  }
}

void DemoApp::loop(iotkit::Board& board) {
  if (phase_ == Phase::SignIn) {
    trySignIn(board);
    return;
  }
  const AuthStatus tick = auth_->tick();
  if (tick != AuthStatus::Ok && tick != AuthStatus::Waiting) {
    iotkit::logf(board.log, LogLevel::Warn, "token refresh: %s", iotkit::authStatusCode(tick));
  }
  stream_->poll();
  if (phase_ == Phase::Pin) {
    handlePin(board);
    return;
  }
  const uint32_t now = board.clock.millis();
  if (!firstReading_ && now - lastReadingAt_ < settings_.readingIntervalMs) return;
  firstReading_ = false;
  lastReadingAt_ = now;
  const int32_t ir = board.ir.read();
  if (ir == lastUploaded_) return;
  lastUploaded_ = ir;
  upload(board, ir);
}

void DemoApp::onChange(iotkit::StreamEventKind kind, const char* path, const cJSON* data) {
  (void)kind;
  int32_t angle = 0;
  const cJSON* node = data;
  // A put at "/" carries the whole {angle, source, ts}; a put at "/angle" carries the number.
  if (std::string(path) == "/angle" && cJSON_IsNumber(data)) {
    angle = static_cast<int32_t>(data->valuedouble);
  } else if (std::string(path) == "/" && iotkit::jsonInt(node, "angle", angle)) {
  } else {
    return;
  }
  std::string source = "?";
  iotkit::jsonString(node, "source", source);
  iotkit::logf(board_->log, LogLevel::Info, "servo from stream: %d (%s)", static_cast<int>(angle), source.c_str());
  board_->servo.write(angle);
  lcd_.setLinef(1, "Angle %d", static_cast<int>(angle));
  lcd_.flush(board_->lcd);
}

void DemoApp::onNotice(iotkit::StreamNotice notice, int32_t httpStatus) {
  iotkit::logf(board_->log, notice == iotkit::StreamNotice::Connected ? LogLevel::Info : LogLevel::Warn, "stream %s (%d)",
               iotkit::streamNoticeName(notice), static_cast<int>(httpStatus));
}

}  // namespace demo

IOTKIT_REGISTER_APP(demo::DemoApp)
