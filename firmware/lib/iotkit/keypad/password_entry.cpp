#include "iotkit/keypad/password_entry.h"

#include <cstring>

namespace iotkit {

const char* passwordEventName(PasswordEvent event) {
  switch (event) {
    case PasswordEvent::None: return "none";
    case PasswordEvent::DigitAdded: return "digit-added";
    case PasswordEvent::Deleted: return "deleted";
    case PasswordEvent::TooLong: return "too-long";
    case PasswordEvent::TooShort: return "too-short";
    case PasswordEvent::Accepted: return "accepted";
    case PasswordEvent::Rejected: return "rejected";
    case PasswordEvent::LockedOut: return "locked-out";
    case PasswordEvent::Ignored: return "ignored";
    case PasswordEvent::Unlocked: return "unlocked";
  }
  return "none";
}

void PasswordEntry::configure(const PasswordConfig& config) {
  config_ = config;
  if (config_.secret == nullptr) config_.secret = "";
  if (config_.maxLength == 0 || config_.maxLength > kMaxLength) config_.maxLength = kMaxLength;
  if (config_.minLength == 0) config_.minLength = 1;
  if (config_.minLength > config_.maxLength) config_.minLength = config_.maxLength;
  if (config_.maxAttempts == 0) config_.maxAttempts = 1;
  secretLength_ = std::strlen(config_.secret);
  state_ = PasswordState::Entering;
  failures_ = 0;
  lockoutMs_ = 0;
  clearEntry();
}

void PasswordEntry::clearEntry() {
  std::memset(digits_, 0, sizeof(digits_));
  std::memset(masked_, 0, sizeof(masked_));
  length_ = 0;
}

void PasswordEntry::reset(bool clearFailures) {
  clearEntry();
  state_ = PasswordState::Entering;
  if (clearFailures) {
    failures_ = 0;
    lockoutMs_ = 0;
  }
}

PasswordEvent PasswordEntry::onKey(char key, uint32_t nowMs) {
  // A key that arrives right as the lockout ends already counts.
  (void)tick(nowMs);
  if (state_ != PasswordState::Entering) return PasswordEvent::Ignored;
  if (key >= '0' && key <= '9') {
    if (length_ >= config_.maxLength) return PasswordEvent::TooLong;
    digits_[length_] = key;
    masked_[length_] = config_.mask;
    ++length_;
    return PasswordEvent::DigitAdded;
  }
  if (key == '*') {
    if (length_ == 0) return PasswordEvent::None;
    --length_;
    digits_[length_] = '\0';
    masked_[length_] = '\0';
    return PasswordEvent::Deleted;
  }
  if (key == '#') return submit(nowMs);
  return PasswordEvent::None;  // A-D and anything else: not part of a password
}

bool PasswordEntry::matches() const {
  if (length_ != secretLength_) return false;
  // Compare every digit regardless of where the first mismatch is.
  uint8_t diff = 0;
  for (size_t i = 0; i < length_; ++i) {
    diff = static_cast<uint8_t>(diff | (static_cast<uint8_t>(digits_[i]) ^ static_cast<uint8_t>(config_.secret[i])));
  }
  return diff == 0;
}

PasswordEvent PasswordEntry::submit(uint32_t nowMs) {
  if (length_ < config_.minLength) return PasswordEvent::TooShort;
  const bool ok = matches();
  clearEntry();
  if (ok) {
    state_ = PasswordState::Accepted;
    failures_ = 0;
    lockoutMs_ = 0;
    return PasswordEvent::Accepted;
  }
  if (failures_ < 255) ++failures_;
  if (failures_ < config_.maxAttempts) return PasswordEvent::Rejected;
  // Every failure past the threshold doubles the wait, capped, without overflowing.
  uint32_t lockout = config_.lockoutBaseMs;
  for (uint8_t extra = config_.maxAttempts; extra < failures_ && lockout < config_.lockoutMaxMs; ++extra) {
    lockout = lockout > config_.lockoutMaxMs / 2 ? config_.lockoutMaxMs : lockout * 2;
  }
  if (lockout > config_.lockoutMaxMs) lockout = config_.lockoutMaxMs;
  lockoutMs_ = lockout;
  lockoutStart_ = nowMs;
  state_ = PasswordState::LockedOut;
  return PasswordEvent::LockedOut;
}

PasswordEvent PasswordEntry::tick(uint32_t nowMs) {
  if (state_ != PasswordState::LockedOut) return PasswordEvent::None;
  if (static_cast<uint32_t>(nowMs - lockoutStart_) < lockoutMs_) return PasswordEvent::None;
  state_ = PasswordState::Entering;
  return PasswordEvent::Unlocked;
}

uint32_t PasswordEntry::lockoutRemainingMs(uint32_t nowMs) const {
  if (state_ != PasswordState::LockedOut) return 0;
  const uint32_t elapsed = nowMs - lockoutStart_;
  return elapsed >= lockoutMs_ ? 0 : lockoutMs_ - elapsed;
}

}  // namespace iotkit
