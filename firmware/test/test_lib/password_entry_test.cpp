#include <gtest/gtest.h>

#include <string>

#include "iotkit/keypad/password_entry.h"

using iotkit::PasswordConfig;
using iotkit::PasswordEntry;
using iotkit::PasswordEvent;
using iotkit::PasswordState;

namespace {

PasswordConfig config() {
  PasswordConfig c;
  c.secret = "1234";
  c.minLength = 4;
  c.maxLength = 6;
  c.maxAttempts = 3;
  c.lockoutBaseMs = 1000;
  c.lockoutMaxMs = 5000;
  return c;
}

PasswordEvent type(PasswordEntry& entry, const char* keys, uint32_t now) {
  PasswordEvent last = PasswordEvent::None;
  for (const char* k = keys; *k != '\0'; ++k) last = entry.onKey(*k, now);
  return last;
}

}  // namespace

TEST(PasswordEntry, CorrectPinIsAccepted) {
  PasswordEntry entry(config());
  EXPECT_EQ(type(entry, "1234#", 0), PasswordEvent::Accepted);
  EXPECT_EQ(entry.state(), PasswordState::Accepted);
  EXPECT_EQ(entry.onKey('5', 1), PasswordEvent::Ignored);
}

TEST(PasswordEntry, EchoIsMaskedNeverTheDigits) {
  PasswordEntry entry(config());
  type(entry, "98", 0);
  EXPECT_STREQ(entry.masked(), "**");
  EXPECT_EQ(entry.length(), 2u);
}

TEST(PasswordEntry, StarDeletesTheLastDigit) {
  PasswordEntry entry(config());
  EXPECT_EQ(type(entry, "129", 0), PasswordEvent::DigitAdded);
  EXPECT_EQ(entry.onKey('*', 0), PasswordEvent::Deleted);
  EXPECT_STREQ(entry.masked(), "**");
  EXPECT_EQ(type(entry, "34#", 0), PasswordEvent::Accepted);
}

TEST(PasswordEntry, StarOnEmptyEntryDoesNothing) {
  PasswordEntry entry(config());
  EXPECT_EQ(entry.onKey('*', 0), PasswordEvent::None);
  EXPECT_EQ(entry.length(), 0u);
}

TEST(PasswordEntry, DigitsBeyondMaxLengthAreDropped) {
  PasswordEntry entry(config());
  type(entry, "123456", 0);
  EXPECT_EQ(entry.onKey('7', 0), PasswordEvent::TooLong);
  EXPECT_EQ(entry.length(), 6u);
}

TEST(PasswordEntry, TooShortIsNotAFailedAttempt) {
  PasswordEntry entry(config());
  EXPECT_EQ(type(entry, "12#", 0), PasswordEvent::TooShort);
  EXPECT_EQ(entry.failures(), 0);
  EXPECT_EQ(entry.length(), 2u) << "the digits stay so the user can finish";
}

TEST(PasswordEntry, LetterKeysAreNotPartOfThePin) {
  PasswordEntry entry(config());
  EXPECT_EQ(type(entry, "12A3B4#", 0), PasswordEvent::Accepted);
}

TEST(PasswordEntry, PrefixOrLongerPinIsRejected) {
  PasswordEntry entry(config());
  EXPECT_EQ(type(entry, "12345#", 0), PasswordEvent::Rejected);
  EXPECT_EQ(entry.length(), 0u) << "a rejected entry is cleared";
}

TEST(PasswordEntry, LockoutAfterMaxAttemptsThenUnlocksByClock) {
  PasswordEntry entry(config());
  EXPECT_EQ(type(entry, "0000#", 0), PasswordEvent::Rejected);
  EXPECT_EQ(type(entry, "0000#", 10), PasswordEvent::Rejected);
  EXPECT_EQ(type(entry, "0000#", 20), PasswordEvent::LockedOut);
  EXPECT_EQ(entry.state(), PasswordState::LockedOut);
  EXPECT_EQ(entry.lockoutRemainingMs(520), 500u);
  EXPECT_EQ(entry.onKey('1', 500), PasswordEvent::Ignored);
  EXPECT_EQ(entry.tick(1019), PasswordEvent::None);
  EXPECT_EQ(entry.tick(1020), PasswordEvent::Unlocked);
  EXPECT_EQ(type(entry, "1234#", 1100), PasswordEvent::Accepted);
  EXPECT_EQ(entry.failures(), 0);
}

TEST(PasswordEntry, BackoffDoublesAndIsCapped) {
  PasswordEntry entry(config());
  uint32_t now = 0;
  type(entry, "0000#", now);
  type(entry, "0000#", now);
  const uint32_t expected[] = {1000, 2000, 4000, 5000, 5000};
  for (uint32_t lockout : expected) {
    ASSERT_EQ(type(entry, "0000#", now), PasswordEvent::LockedOut);
    EXPECT_EQ(entry.lockoutRemainingMs(now), lockout);
    now += lockout;
    ASSERT_EQ(entry.tick(now), PasswordEvent::Unlocked);
  }
}

TEST(PasswordEntry, LockoutSurvivesClockWraparound) {
  PasswordEntry entry(config());
  const uint32_t nearWrap = 0xFFFFFF00u;
  type(entry, "0000#0000#", nearWrap);
  EXPECT_EQ(type(entry, "0000#", nearWrap), PasswordEvent::LockedOut);
  EXPECT_EQ(entry.tick(nearWrap + 500), PasswordEvent::None);  // wrapped past zero, 500 ms in
  EXPECT_EQ(entry.tick(nearWrap + 1000), PasswordEvent::Unlocked);
}

TEST(PasswordEntry, ConfigureClampsNonsenseLengths) {
  PasswordConfig c = config();
  c.maxLength = 200;
  c.minLength = 0;
  PasswordEntry entry(c);
  for (int i = 0; i < 40; ++i) entry.onKey('1', 0);
  EXPECT_EQ(entry.length(), PasswordEntry::kMaxLength);
}

TEST(PasswordEntry, ResetKeepsOrClearsFailures) {
  PasswordEntry entry(config());
  type(entry, "0000#", 0);
  entry.reset(false);
  EXPECT_EQ(entry.failures(), 1);
  entry.reset(true);
  EXPECT_EQ(entry.failures(), 0);
}
