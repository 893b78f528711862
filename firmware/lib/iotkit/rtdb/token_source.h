#pragma once

namespace iotkit {

/** Supplies the ID token for `auth=`; an empty string means "send no auth". */
class TokenSource {
 public:
  virtual ~TokenSource() = default;
  virtual const char* idToken() = 0;
};

/** A fixed token, e.g. "owner" (admin on the emulator and the local backend) or a DB secret. */
class StaticToken : public TokenSource {
 public:
  explicit StaticToken(const char* token) : token_(token) {}
  const char* idToken() override { return token_; }

 private:
  const char* token_;
};

}  // namespace iotkit
