// Assignment 4: the device's logic. The function bodies marked TODO in the starter are the
// assignment; everything else is given, and each unwritten part answers with a stub so it builds.
#include "a4_app.h"

#include <cstdio>

#include "iotkit/json/json_doc.h"

namespace a4 {

using iotkit::AuthStatus;
using iotkit::Board;
using iotkit::LogLevel;

namespace {
/** How often a device without tokens looks for a hand-over in its store (a local read, no network). */
constexpr uint32_t kStoreCheckMs = 500;
/** A 401 renews the token at most this often, so a rules problem cannot become a request storm. */
constexpr uint32_t kMinRenewOn401Ms = 5000;
constexpr uint32_t kFirstRetryMs = 1000;
constexpr uint32_t kMaxRetryMs = 60000;

/** True when `now` has not reached `at` yet (wrap-safe). */
bool before(uint32_t now, uint32_t at) { return static_cast<int32_t>(now - at) < 0; }

/** Failures that will not go away by asking again: only a new hand-over helps. */
bool isRefused(AuthStatus status) {
  return status == AuthStatus::InvalidRefreshToken || status == AuthStatus::UserDisabled ||
         status == AuthStatus::InvalidApiKey || status == AuthStatus::MissingConfig ||
         status == AuthStatus::BadRequest || status == AuthStatus::NotSignedIn;
}
}  // namespace

void A4App::setup(Board& board) {
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
  if (!board.config.password.empty() || !board.config.customToken.empty()) {
    iotkit::logf(board.log, LogLevel::Warn, "the config holds a password or custom token: assignment 4 ignores both");
  }
  auth_.reset(new iotkit::AuthClient(board.http, board.clock, &board.store));
  auth_->configure({board.config.authUrl, board.config.apiKey, settings_.refreshMarginMs});
  db_.reset(new iotkit::RtdbClient(board.http, auth_.get()));
  db_->configure(board.config.rtdbUrl.c_str(), board.config.ns.c_str());
  showProvisionPrompt();
  // BEGIN SOLUTION: a hand-over waiting in the store wins (adoptHandoff); otherwise carry on with the refresh token saved before a reboot (resumeFromStore)
  std::string handoff;
  if (board.store.get(iotkit::kTokenHandoffKey, handoff)) {
    adoptHandoff(board, handoff);
  } else {
    resumeFromStore(board);
  }
  // END SOLUTION
  lcd_.flush(board.lcd);
}

void A4App::loop(Board& board) {
  if (phase_ == Phase::Halted) return;
  const uint32_t now = board.clock.millis();
  if (phase_ != Phase::Running && now - lastStoreCheckAt_ >= kStoreCheckMs) {
    lastStoreCheckAt_ = now;
    checkForHandoff(board);
  }
  if (phase_ == Phase::Running) {
    keepTokenFresh(board);
    if (phase_ == Phase::Running) {
      takeReading(board);
      sendPending(board);
    }
  }
  lcd_.flush(board.lcd);
}

void A4App::showProvisionPrompt() {
  lcd_.setLine(0, "Not provisioned");
  lcd_.setLine(1, "run: provision");
}

void A4App::startRunning(Board& board) {
  phase_ = Phase::Running;
  base_ = "/devices/" + auth_->uid();
  lcd_.setLine(0, "Signed in");
  lcd_.setLine(1, auth_->uid().c_str());
  iotkit::logf(board.log, LogLevel::Info, "signed in as %s", auth_->uid().c_str());
}

// ---------------------------------------------------------------------------------------------
// Part 1: tokens from a hand-over, or from the refresh token saved before a reboot.
// ---------------------------------------------------------------------------------------------

void A4App::checkForHandoff(Board& board) {
  std::string handoff;
  if (board.store.get(iotkit::kTokenHandoffKey, handoff)) adoptHandoff(board, handoff);
}

void A4App::adoptHandoff(Board& board, const std::string& json) {
  // Consumed once: the ID token is not kept at rest, a reboot carries on with the refresh token.
  board.store.remove(iotkit::kTokenHandoffKey);
  iotkit::TokenHandoff handoff;
  std::string problem;
  if (!iotkit::parseTokenHandoff(json, handoff, problem)) {
    iotkit::logf(board.log, LogLevel::Error, "bad hand-over: %s", problem.c_str());
    lcd_.setLine(0, "Bad hand-over");
    lcd_.setLine(1, "run: provision");
    return;
  }
  // BEGIN SOLUTION: use the handed ID token while it is valid (auth_->useIdToken with the seconds left, iotkit::secondsUntil); an expired one is renewed at once from the refresh token
  const uint32_t secondsLeft = iotkit::secondsUntil(handoff.expiresAtMs, wallClock_.epochMs());
  if (secondsLeft > 0) {
    auth_->useIdToken(handoff.idToken.c_str(), handoff.refreshToken.c_str(), secondsLeft);
    tokenLifetimeMs_ = auth_->expiresInMs();
    refreshedSinceStart_ = false;
    retryDelayMs_ = 0;
    iotkit::logf(board.log, LogLevel::Info, "hand-over accepted: ID token valid for %lu s",
                 static_cast<unsigned long>(secondsLeft));
    startRunning(board);
    return;
  }
  // Expired already, or the wall clock is not set yet: renew from the refresh token right away.
  board.store.put(iotkit::kRefreshTokenKey, handoff.refreshToken.c_str());
  resumeFromStore(board);
  // END SOLUTION
}

void A4App::resumeFromStore(Board& board) {
  std::string saved;
  if (!board.store.get(iotkit::kRefreshTokenKey, saved) || saved.empty()) {
    phase_ = Phase::Unprovisioned;
    showProvisionPrompt();
    return;
  }
  lcd_.setLine(0, "Renewing token");
  lcd_.setLine(1, "");
  lcd_.flush(board.lcd);
  // A transient failure (no network yet) still enters Running: keepTokenFresh retries with back-off.
  phase_ = Phase::Running;
  refreshNow(board, "saved refresh token");
}

// ---------------------------------------------------------------------------------------------
// Part 2: refresh ahead of expiry, with back-off on trouble; a refused refresh token stops it.
// ---------------------------------------------------------------------------------------------

void A4App::keepTokenFresh(Board& board) {
  (void)board;
  // BEGIN SOLUTION: refresh (refreshNow) once less than the margin is left (at most half the token's lifetime), but not before retryAt_ after a failure
  uint32_t margin = settings_.refreshMarginMs;
  if (margin > tokenLifetimeMs_ / 2) margin = tokenLifetimeMs_ / 2;
  if (auth_->signedIn() && auth_->expiresInMs() > margin) return;
  if (retryDelayMs_ != 0 && before(board.clock.millis(), retryAt_)) return;
  refreshNow(board, "expiring");
  // END SOLUTION
}

bool A4App::refreshNow(Board& board, const char* why) {
  const uint32_t now = board.clock.millis();
  lastRefreshAt_ = now;
  // restore() reads the refresh token from the store: the one saved last, i.e. the rotated one.
  const AuthStatus status = auth_->signedIn() ? auth_->refresh() : auth_->restore();
  // BEGIN SOLUTION: on success remember the new lifetime and carry on; a refused refresh token goes to onRefreshRefused; anything else retries with a doubling back-off (1 s .. 60 s)
  if (status == AuthStatus::Ok) {
    ++refreshCount_;
    refreshedSinceStart_ = true;
    retryDelayMs_ = 0;
    tokenLifetimeMs_ = auth_->expiresInMs();
    iotkit::logf(board.log, LogLevel::Info, "ID token renewed (%s), valid for %lu s, renewal %lu", why,
                 static_cast<unsigned long>(tokenLifetimeMs_ / 1000), static_cast<unsigned long>(refreshCount_));
    if (base_.empty() || base_ != "/devices/" + auth_->uid()) startRunning(board);
    return true;
  }
  if (isRefused(status)) {
    onRefreshRefused(board, status);
    return false;
  }
  retryDelayMs_ = retryDelayMs_ == 0 ? kFirstRetryMs : (retryDelayMs_ >= kMaxRetryMs / 2 ? kMaxRetryMs : retryDelayMs_ * 2);
  retryAt_ = now + retryDelayMs_;
  iotkit::logf(board.log, LogLevel::Warn, "token renewal failed (%s), next try in %lu s", iotkit::authStatusCode(status),
               static_cast<unsigned long>(retryDelayMs_ / 1000));
  lcd_.setLine(0, "Auth trouble");
  lcd_.setLinef(1, "retry in %lus", static_cast<unsigned long>(retryDelayMs_ / 1000));
  return false;
  // STUB: (void)why;
  // STUB: (void)now;
  // STUB: return status == AuthStatus::Ok;
  // END SOLUTION
}

void A4App::onRefreshRefused(Board& board, AuthStatus status) {
  (void)board;
  (void)status;
  // BEGIN SOLUTION: stop for good (Phase::Revoked, no more requests), forget the tokens (auth_->signOut), say so on the LCD
  iotkit::logf(board.log, LogLevel::Error, "refresh token refused (%s): provision the device again",
               iotkit::authStatusCode(status));
  auth_->signOut();
  phase_ = Phase::Revoked;
  lcd_.setLine(0, "Token revoked");
  lcd_.setLine(1, "Provision again");
  // END SOLUTION
}

// ---------------------------------------------------------------------------------------------
// Part 3: the readings of assignment 2 (push + latest), each one retried until acknowledged.
// ---------------------------------------------------------------------------------------------

void A4App::takeReading(Board& board) {
  const uint32_t now = board.clock.millis();
  if (pending_ || (!firstReading_ && now - lastReadingAt_ < settings_.readingIntervalMs)) return;
  firstReading_ = false;
  lastReadingAt_ = now;
  pending_ = true;
  pushed_ = false;
  pendingIr_ = board.ir.read();
  pendingSeq_ = ++seq_;
  nextSendAt_ = now;
}

void A4App::sendPending(Board& board) {
  const uint32_t now = board.clock.millis();
  if (!pending_ || before(now, nextSendAt_)) return;
  if (auth_->idToken()[0] == '\0') return;  // no valid token right now: keepTokenFresh is on it
  // BEGIN SOLUTION: push {ir, seq, ts} to <base>/readings (once, writeWithToken), then put {ir, ts} to <base>/latest; on failure keep the reading and try again at nextSendAt_
  const uint32_t retryMs = settings_.readingIntervalMs < 1000 ? settings_.readingIntervalMs : 1000;
  iotkit::RtdbResult result;
  std::string body;
  if (!pushed_) {
    iotkit::JsonDoc reading = iotkit::JsonDoc::object();
    reading.set("ir", static_cast<double>(pendingIr_)).set("seq", static_cast<double>(pendingSeq_)).setServerTimestamp("ts");
    reading.print(body);
    if (writeWithToken(board, iotkit::HttpMethod::Post, base_ + "/readings", body, result) != iotkit::RtdbStatus::Ok) {
      iotkit::logf(board.log, LogLevel::Warn, "push reading %lu failed: %s %s", static_cast<unsigned long>(pendingSeq_),
                   iotkit::rtdbStatusCode(result.status), result.error.c_str());
      nextSendAt_ = now + retryMs;
      return;
    }
    pushed_ = true;
  }
  iotkit::JsonDoc latest = iotkit::JsonDoc::object();
  latest.set("ir", static_cast<double>(pendingIr_)).setServerTimestamp("ts");
  body.clear();
  latest.print(body);
  if (writeWithToken(board, iotkit::HttpMethod::Put, base_ + "/latest", body, result) != iotkit::RtdbStatus::Ok) {
    iotkit::logf(board.log, LogLevel::Warn, "set latest failed: %s %s", iotkit::rtdbStatusCode(result.status),
                 result.error.c_str());
    nextSendAt_ = now + retryMs;
    return;
  }
  pending_ = false;
  lcd_.setLinef(0, "IR %ld", static_cast<long>(pendingIr_));
  lcd_.setLinef(1, "sent #%lu", static_cast<unsigned long>(pendingSeq_));
  // END SOLUTION
}

iotkit::RtdbStatus A4App::writeWithToken(Board& board, iotkit::HttpMethod method, const std::string& path,
                                         const std::string& body, iotkit::RtdbResult& result) {
  auto attempt = [&]() {
    return method == iotkit::HttpMethod::Post ? db_->post(path.c_str(), body.c_str(), result)
                                              : db_->put(path.c_str(), body.c_str(), result);
  };
  iotkit::RtdbStatus status = attempt();
  (void)board;
  // BEGIN SOLUTION: a 401 means the server refused the ID token the device thought valid: renew it (refreshNow) and send the same request once more, at most once every few seconds
  if (result.httpStatus != 401) return status;
  const uint32_t now = board.clock.millis();
  if (refreshedSinceStart_ && now - lastRefreshAt_ < kMinRenewOn401Ms) return status;
  if (retryDelayMs_ != 0 && before(now, retryAt_)) return status;
  iotkit::logf(board.log, LogLevel::Warn, "the database refused the ID token (401): renewing it");
  if (!refreshNow(board, "401")) return status;
  status = attempt();
  // END SOLUTION
  return status;
}

}  // namespace a4

IOTKIT_REGISTER_APP(a4::A4App)
