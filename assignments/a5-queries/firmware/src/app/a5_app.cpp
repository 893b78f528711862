// Assignment 5 reference solution. Student code goes between BEGIN SOLUTION / END SOLUTION; the
// handout keeps everything else, plus the STUB line of each block, so the starter builds.
#include "a5_app.h"

#include <cstdio>
#include <string>

#include "iotkit/json/json_doc.h"

namespace a5 {

using iotkit::Board;
using iotkit::LogLevel;
using iotkit::RtdbQuery;
using iotkit::RtdbResult;
using iotkit::RtdbStatus;

void A5App::setup(Board& board) {
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
  if (phase_ == Phase::Ready && pushBatch()) runQuery();
  lcd_.flush(board.lcd);
}

void A5App::loop(Board& board) {
  if (phase_ == Phase::Halted) return;
  for (char key = board.keypad.getKey(); key != 0; key = board.keypad.getKey()) {
    if (phase_ == Phase::SignedOut) {
      // Any key tries again (the network may be back); the batch is pushed once signed in.
      signIn();
      if (phase_ == Phase::Ready && pushBatch()) runQuery();
      continue;
    }
    onKey(key);
  }
  if (phase_ == Phase::Ready) auth_->tick();
  lcd_.flush(board.lcd);
}

void A5App::signIn() {
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
  base_ = "/devices/" + auth_->uid();
  iotkit::logf(board_->log, LogLevel::Info, "signed in as %s", auth_->uid().c_str());
  phase_ = Phase::Ready;
}

void A5App::onKey(char key) {
  if (key == 'A') {
    runQuery();
    return;
  }
  if (matches_.empty()) return;
  if (key == '#' && page_ + 1 < matches_.size()) ++page_;
  if (key == '*' && page_ > 0) --page_;
  showPage();
}

// ---------------------------------------------------------------------------------------------
// Part 1: the batch of readings.
// ---------------------------------------------------------------------------------------------

bool A5App::pushBatch() {
  // BEGIN SOLUTION: POST each settings_.readings entry to <base>/readings with its own children plus "ir" (board_->ir.read()) and "ts" (server timestamp); show "Push failed" and return false when one is refused
  // STUB: showTodo("push");
  // STUB: return true;
  lcd_.setLine(0, "Pushing...");
  lcd_.flush(board_->lcd);
  for (const std::string& spec : settings_.readings) {
    iotkit::JsonDoc reading;
    if (!reading.parse(spec) || !cJSON_IsObject(reading.root())) reading = iotkit::JsonDoc::object();
    cJSON_DeleteItemFromObjectCaseSensitive(reading.root(), "ir");
    cJSON_DeleteItemFromObjectCaseSensitive(reading.root(), "ts");
    reading.set("ir", static_cast<double>(board_->ir.read()));
    reading.setServerTimestamp("ts");
    std::string body;
    reading.print(body);
    RtdbResult result;
    if (db_->post((base_ + "/readings").c_str(), body.c_str(), result) != RtdbStatus::Ok) {
      iotkit::logf(board_->log, LogLevel::Error, "push refused: %s (HTTP %ld) %s", iotkit::rtdbStatusCode(result.status),
                   static_cast<long>(result.httpStatus), result.error.c_str());
      lcd_.setLine(0, "Push failed");
      lcd_.setLinef(1, "HTTP %ld", static_cast<long>(result.httpStatus));
      return false;
    }
  }
  iotkit::logf(board_->log, LogLevel::Info, "pushed %u readings", static_cast<unsigned>(settings_.readings.size()));
  return true;
  // END SOLUTION
}

// ---------------------------------------------------------------------------------------------
// Part 2: the query, its answer on the LCD, and the summary.
// ---------------------------------------------------------------------------------------------

void A5App::buildQuery(RtdbQuery& query) const {
  // BEGIN SOLUTION: order by settings_.orderBy (orderByKey() for "$key", else orderByChild), select the prefix (startAt(prefix), endAt(prefix + U+F8FF): startsWith), then the bonus limit if one is set
  // STUB: (void)query;
  if (settings_.orderBy == kOrderByKey) {
    query.orderByKey();
  } else {
    query.orderByChild(settings_.orderBy.c_str());
  }
  query.startsWith(settings_.prefix.c_str());
  if (settings_.limitToFirst != 0) query.limitToFirst(settings_.limitToFirst);
  if (settings_.limitToLast != 0) query.limitToLast(settings_.limitToLast);
  // END SOLUTION
}

void A5App::runQuery() {
  lcd_.setLine(0, "Querying...");
  lcd_.setLine(1, "");
  lcd_.flush(board_->lcd);
  RtdbQuery query;
  buildQuery(query);
  if (!query.hasOrderBy()) {
    showTodo("query");
    return;
  }
  RtdbResult result;
  const RtdbStatus status = db_->get((base_ + "/readings").c_str(), result, &query);
  if (status != RtdbStatus::Ok) {
    // A missing ".indexOn" lands here: production answers 400 "Index not defined".
    iotkit::logf(board_->log, LogLevel::Error, "query failed: %s (HTTP %ld) %s", iotkit::rtdbStatusCode(status),
                 static_cast<long>(result.httpStatus), result.error.c_str());
    lcd_.setLine(0, "Query failed");
    lcd_.setLinef(1, "HTTP %ld", static_cast<long>(result.httpStatus));
    return;
  }
  if (!collectMatches(result.body, settings_.orderBy, matches_)) {
    lcd_.setLine(0, "Query failed");
    lcd_.setLine(1, "bad answer");
    return;
  }
  iotkit::logf(board_->log, LogLevel::Info, "query %s prefix \"%s\": %u matches", settings_.orderBy.c_str(),
               settings_.prefix.c_str(), static_cast<unsigned>(matches_.size()));
  page_ = 0;
  showPage();
  writeSummary();
}

void A5App::showPage() {
  // BEGIN SOLUTION: no match: "No matches" / "<orderBy> <prefix>"; else "Match <page+1>/<count>" / the value it was ordered by
  // STUB: showTodo("LCD");
  if (matches_.empty()) {
    lcd_.setLine(0, "No matches");
    lcd_.setLinef(1, "%s %s", settings_.orderBy.c_str(), settings_.prefix.c_str());
    return;
  }
  lcd_.setLinef(0, "Match %u/%u", static_cast<unsigned>(page_ + 1), static_cast<unsigned>(matches_.size()));
  lcd_.setLine(1, matches_[page_].value.c_str());
  // END SOLUTION
}

void A5App::writeSummary() {
  // BEGIN SOLUTION: PUT <base>/queries/latest = {"orderBy", "prefix", "count", "keys": [the matches' keys in order]}
  // STUB: showTodo("summary");
  iotkit::JsonDoc summary = iotkit::JsonDoc::object();
  summary.set("orderBy", settings_.orderBy.c_str());
  summary.set("prefix", settings_.prefix.c_str());
  summary.set("count", static_cast<double>(matches_.size()));
  cJSON* keys = cJSON_AddArrayToObject(summary.root(), "keys");
  for (const Match& match : matches_) cJSON_AddItemToArray(keys, cJSON_CreateString(match.key.c_str()));
  std::string body;
  summary.print(body);
  RtdbResult result;
  if (db_->put((base_ + "/queries/latest").c_str(), body.c_str(), result) != RtdbStatus::Ok) {
    iotkit::logf(board_->log, LogLevel::Warn, "summary not written: HTTP %ld %s", static_cast<long>(result.httpStatus),
                 result.error.c_str());
  }
  // END SOLUTION
}

void A5App::showTodo(const char* what) {
  iotkit::logf(board_->log, LogLevel::Warn, "%s is not written yet", what);
  lcd_.setLine(0, "TODO");
  lcd_.setLinef(1, "%s not written", what);
}

}  // namespace a5

IOTKIT_REGISTER_APP(a5::A5App)
