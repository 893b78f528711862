// Assignment 1: the device that publishes its readings over MQTT and HTTP. The parts marked TODO
// in the starter are yours to write; everything else is given, so the starter builds and connects
// but sends nothing.
#include "a1_app.h"

#include <cstdio>

namespace a1 {

using iotkit::Board;
using iotkit::LogLevel;

void A1App::halt(Board& board, const char* line, const std::string& detail) {
  iotkit::logf(board.log, LogLevel::Error, "%s", detail.c_str());
  board.lcd.showLine(0, "Config error");
  board.lcd.showLine(1, line);
  halted_ = true;
  board.runtime.requestExit(2);
}

void A1App::setup(Board& board) {
  board_ = &board;
  std::string problem;
  if (!parseSettings(board.config.appJson, settings_, problem)) return halt(board, "see the log", "bad config: " + problem);
  if (board.mqtt == nullptr) return halt(board, "no MQTT client", "this platform gave the app no MQTT client");
  intervalMs_ = settings_.intervalMs;
  const std::string base = "iotkit/" + settings_.device;
  readingTopic_ = base + "/ir";
  commandTopic_ = base + "/cmd";

  mqtt_.reset(new iotkit::MqttSession(*board.mqtt, board.clock, board.log));
  iotkit::MqttSessionSettings session;
  session.host = settings_.mqttHost;
  session.port = settings_.mqttPort;
  session.clientId = settings_.device;
  session.username = settings_.mqttUser;
  session.password = settings_.mqttPassword;
  session.statusTopic = base + "/status";
  mqtt_->setListener(this);
  mqtt_->subscribe(commandTopic_.c_str(), iotkit::MqttQos::AtLeastOnce);
  if (mqtt_->begin(session) != iotkit::MqttError::None) return halt(board, "MQTT settings", "bad MQTT settings");

  board.lcd.showLine(0, "A1 MQTT + HTTP");
  board.lcd.showLine(1, settings_.device.c_str());
  if (settings_.http) signIn(board);
}

void A1App::signIn(Board& board) {
  const bool hasPassword = !board.config.email.empty() && !board.config.password.empty();
  if (!hasPassword && board.config.customToken.empty()) {
    board.log.log(LogLevel::Warn, "http: no email/password or custom token in the config: readings go over MQTT only");
    settings_.http = false;
    return;
  }
  auth_.reset(new iotkit::AuthClient(board.http, board.clock, &board.store));
  auth_->configure({board.config.authUrl, board.config.apiKey, 300000});
  const iotkit::AuthStatus status = hasPassword
                                        ? auth_->signInWithPassword(board.config.email.c_str(), board.config.password.c_str())
                                        : auth_->signInWithCustomToken(board.config.customToken.c_str());
  if (status != iotkit::AuthStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Warn, "http: sign-in failed (%s): readings go over MQTT only",
                 auth_->lastError().c_str());
    settings_.http = false;
    return;
  }
  db_.reset(new iotkit::RtdbClient(board.http, auth_.get()));
  db_->configure(board.config.rtdbUrl.c_str(), board.config.ns.c_str());
  latestPath_ = "/devices/" + auth_->uid() + "/latest";
  iotkit::logf(board.log, LogLevel::Info, "http: signed in as %s", auth_->uid().c_str());
}

void A1App::loop(Board& board) {
  if (halted_) return;
  mqtt_->poll();
  if (auth_ && settings_.http) auth_->tick();
  const uint32_t now = board.clock.millis();
  if (readingDue_ || now - lastReadingAt_ >= intervalMs_) {
    readingDue_ = false;
    lastReadingAt_ = now;
    const int32_t ir = board.ir.read();
    publishReading(board, ir);
    if (settings_.http) writeReading(board, ir);
  }
}

// ---------------------------------------------------------------------------------------------
// The part students write: one reading, two protocols.
// ---------------------------------------------------------------------------------------------

void A1App::publishReading(Board& board, int32_t ir) {
  // BEGIN SOLUTION: publish {"ir":<ir>,"seq":<n>} (n counts readings from 1) to iotkit/<device>/ir at QoS 1, not retained; a reading taken while offline is dropped and logged
  ++sequence_;
  char payload[48];
  std::snprintf(payload, sizeof(payload), "{\"ir\":%ld,\"seq\":%lu}", static_cast<long>(ir),
                static_cast<unsigned long>(sequence_));
  const iotkit::MqttError error = mqtt_->publish(readingTopic_.c_str(), payload, iotkit::MqttQos::AtLeastOnce);
  if (error != iotkit::MqttError::None) {
    iotkit::logf(board.log, LogLevel::Warn, "mqtt: reading %lu not sent: %s", static_cast<unsigned long>(sequence_),
                 iotkit::mqttErrorName(error));
  }
  // END SOLUTION
}

void A1App::writeReading(Board& board, int32_t ir) {
  // BEGIN SOLUTION: put {ir, ts: server timestamp} to /devices/<uid>/latest (the rules take 0..4095 only)
  if (!db_) return;
  const int32_t clamped = ir < 0 ? 0 : (ir > 4095 ? 4095 : ir);
  char body[64];
  std::snprintf(body, sizeof(body), "{\"ir\":%ld,\"ts\":{\".sv\":\"timestamp\"}}", static_cast<long>(clamped));
  iotkit::RtdbResult result;
  const iotkit::RtdbStatus status = db_->put(latestPath_.c_str(), body, result);
  if (status != iotkit::RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Warn, "http: reading not written: %s", iotkit::rtdbStatusCode(status));
  }
  // END SOLUTION
}

void A1App::onMqttMessage(const iotkit::MqttMessage& message) {
  // BEGIN SOLUTION: a {"intervalMs": n} command on iotkit/<device>/cmd changes the interval and is logged; anything else is logged as refused
  uint32_t interval = 0;
  std::string problem;
  if (commandTopic_ != message.topic) return;
  if (parseCommand(reinterpret_cast<const char*>(message.payload), message.length, interval, problem)) {
    intervalMs_ = interval;
    iotkit::logf(board_->log, LogLevel::Info, "command: reading interval now %lu ms", static_cast<unsigned long>(interval));
  } else {
    iotkit::logf(board_->log, LogLevel::Warn, "command refused: %s", problem.c_str());
  }
  // END SOLUTION
}

}  // namespace a1

IOTKIT_REGISTER_APP(a1::A1App)
