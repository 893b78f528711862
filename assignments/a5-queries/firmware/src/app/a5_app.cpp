// Assignment 5: the device's logic. The function bodies marked TODO in the starter are the
// assignment; everything else is given, and each unwritten part answers with a stub so it builds.
#include "a5_app.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "iotkit/json/json_doc.h"

namespace a5 {

using iotkit::Board;
using iotkit::LogLevel;
using iotkit::RtdbQuery;
using iotkit::RtdbResult;
using iotkit::RtdbStatus;
using iotkit::StreamEventKind;

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
  stream_.reset(new iotkit::RtdbStream(board.stream, *db_, board.clock));
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
  if (phase_ == Phase::Ready) {
    auth_->tick();
    stream_->poll();
  }
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
  // BEGIN SOLUTION: order by settings_.orderBy (orderByKey() for "$key", orderByValue() for "$value", else orderByChild), select the prefix (startAt(prefix), endAt(prefix + U+F8FF): startsWith), then the bonus limit if one is set
  // STUB: (void)query;
  if (settings_.orderBy == kOrderByKey) {
    query.orderByKey();
  } else if (settings_.orderBy == kOrderByValue) {
    query.orderByValue();
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
  const std::string node = queryNode();
  RtdbResult result;
  const RtdbStatus status = db_->get(node.c_str(), result, &query);
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
  if (settings_.live) startLive(query);
}

std::string A5App::queryNode() const {
  return base_ + (settings_.orderBy == kOrderByValue ? "/labels" : "/readings");
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

// ---------------------------------------------------------------------------------------------
// Bonus: the query kept open. The server sends the selection once ("/"), then only what changed:
// a reading that entered the selection (put of "/<key>"), one that left it (put of null), several
// at once (patch of "/"). A reading that does not match sends nothing at all.
// ---------------------------------------------------------------------------------------------

void A5App::startLive(const RtdbQuery& query) {
  // BEGIN SOLUTION: open ONE stream on queryNode() with the same query (stream_->begin(path, query, *this))
  // STUB: (void)query;
  // STUB: showTodo("live query");
  const std::string node = queryNode();
  if (stream_->begin(node.c_str(), query, *this) != RtdbStatus::Ok) {
    iotkit::logf(board_->log, LogLevel::Error, "cannot stream the query on %s", node.c_str());
  }
  // END SOLUTION
}

void A5App::onChange(StreamEventKind kind, const char* path, const cJSON* data) {
  // BEGIN SOLUTION: a put of "/" is the whole selection (collectMatches; nothing to do if the keys are the same); a put of "/<key>" (or each child of a patch of "/") is one reading that entered (data) or left (null): drop its old entry, insert the new one where matchBefore() puts it, show it (page_) and writeSummary()
  // STUB: (void)kind;
  // STUB: (void)path;
  // STUB: (void)data;
  if (std::strcmp(path, "/") == 0 && kind == StreamEventKind::Put) {
    std::vector<Match> fresh;
    if (!collectMatches(data, settings_.orderBy, fresh)) return;
    const bool same = fresh.size() == matches_.size() &&
                      std::equal(fresh.begin(), fresh.end(), matches_.begin(),
                                 [](const Match& a, const Match& b) { return a.key == b.key; });
    if (same) return;  // the selection the query's answer already showed
    matches_.swap(fresh);
    page_ = 0;
    showPage();
    writeSummary();
    return;
  }
  // One reading at "/<key>", or several in a patch of "/". A change deeper inside a reading
  // ("/<key>/zone") would need the whole reading; readings are pushed, never edited, here.
  const char* key = path[0] == '/' ? path + 1 : path;
  const bool oneReading = kind == StreamEventKind::Put && key[0] != '\0' && std::strchr(key, '/') == nullptr;
  const bool severalReadings = kind == StreamEventKind::Patch && std::strcmp(path, "/") == 0 && cJSON_IsObject(data);
  if (!oneReading && !severalReadings) {
    iotkit::logf(board_->log, LogLevel::Warn, "live query: change at %s ignored", path);
    return;
  }
  std::string shown;  // the last reading that entered: the LCD shows it
  auto apply = [&](const char* childKey, const cJSON* child) {
    matches_.erase(std::remove_if(matches_.begin(), matches_.end(),
                                  [childKey](const Match& m) { return m.key == childKey; }),
                   matches_.end());
    Match match;
    if (child == nullptr || cJSON_IsNull(child) || !matchOf(childKey, child, settings_.orderBy, match)) return;
    const auto at = std::upper_bound(matches_.begin(), matches_.end(), match, [this](const Match& a, const Match& b) {
      return matchBefore(a, b, settings_.orderBy);
    });
    matches_.insert(at, match);
    shown = match.key;
  };
  if (oneReading) {
    apply(key, data);
  } else {
    const cJSON* child = nullptr;
    cJSON_ArrayForEach(child, data) {
      if (child->string != nullptr) apply(child->string, child);
    }
  }
  for (size_t i = 0; i < matches_.size() && !shown.empty(); ++i)
    if (matches_[i].key == shown) page_ = i;
  if (page_ >= matches_.size()) page_ = matches_.empty() ? 0 : matches_.size() - 1;
  showPage();
  writeSummary();
  // END SOLUTION
}

void A5App::onNotice(iotkit::StreamNotice notice, int32_t httpStatus) {
  iotkit::logf(board_->log, notice == iotkit::StreamNotice::Connected ? LogLevel::Info : LogLevel::Warn,
               "live query %s (%ld)", iotkit::streamNoticeName(notice), static_cast<long>(httpStatus));
}

void A5App::showTodo(const char* what) {
  iotkit::logf(board_->log, LogLevel::Warn, "%s is not written yet", what);
  lcd_.setLine(0, "TODO");
  lcd_.setLinef(1, "%s not written", what);
}

}  // namespace a5

IOTKIT_REGISTER_APP(a5::A5App)
