// Keypad password entry as a clock-driven state machine: digits append, '*' deletes, '#'
// submits, the display only ever sees a masked echo, and repeated failures lock entry out with
// a doubling back-off. Nothing blocks: feed keys with onKey() and call tick() every loop.
#pragma once

#include <cstddef>
#include <cstdint>

namespace iotkit {

struct PasswordConfig {
  /** Secret to compare against (digits only), at most kMaxLength characters. */
  const char* secret = "1234";
  uint8_t minLength = 4;
  uint8_t maxLength = 8;
  /** Failures allowed before the first lockout. */
  uint8_t maxAttempts = 3;
  uint32_t lockoutBaseMs = 30000;
  uint32_t lockoutMaxMs = 300000;
  char mask = '*';
};

enum class PasswordState : uint8_t { Entering, LockedOut, Accepted };

enum class PasswordEvent : uint8_t {
  None,
  DigitAdded,
  Deleted,
  /** A digit arrived when the entry is already maxLength long; it was dropped. */
  TooLong,
  /** '#' with fewer than minLength digits; not counted as a failed attempt. */
  TooShort,
  Accepted,
  Rejected,
  /** The rejection that started a lockout. */
  LockedOut,
  /** A key arrived during a lockout (or after acceptance) and was ignored. */
  Ignored,
  /** tick() noticed the lockout ended. */
  Unlocked,
};

const char* passwordEventName(PasswordEvent event);

class PasswordEntry {
 public:
  static constexpr size_t kMaxLength = 16;

  PasswordEntry() = default;
  explicit PasswordEntry(const PasswordConfig& config) { configure(config); }

  /** Sets the rules and clears all state. Invalid lengths are clamped to 1..kMaxLength. */
  void configure(const PasswordConfig& config);

  PasswordEvent onKey(char key, uint32_t nowMs);
  /** Ends a lockout once its time has passed (wrap-safe). */
  PasswordEvent tick(uint32_t nowMs);
  /** Back to an empty entry; keeps the failure count unless `clearFailures`. */
  void reset(bool clearFailures);

  PasswordState state() const { return state_; }
  /** The masked echo, e.g. "***" — never the digits. */
  const char* masked() const { return masked_; }
  size_t length() const { return length_; }
  uint8_t failures() const { return failures_; }
  uint32_t lockoutRemainingMs(uint32_t nowMs) const;

 private:
  PasswordEvent submit(uint32_t nowMs);
  bool matches() const;
  void clearEntry();

  PasswordConfig config_{};
  size_t secretLength_ = 0;
  PasswordState state_ = PasswordState::Entering;
  char digits_[kMaxLength + 1] = {};
  char masked_[kMaxLength + 1] = {};
  size_t length_ = 0;
  uint8_t failures_ = 0;
  uint32_t lockoutStart_ = 0;
  uint32_t lockoutMs_ = 0;
};

}  // namespace iotkit
