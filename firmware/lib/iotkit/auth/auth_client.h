// Firebase Auth REST client: email/password and custom-token sign-in (Identity Toolkit v1),
// an ID token handed in from elsewhere (assignment 4), and refresh through the Secure Token
// endpoint ahead of expiry. Base URL is configuration: real Google hosts, or the emulator form
// `<authUrl>/identitytoolkit.googleapis.com/v1/...` when authUrl is not a googleapis.com URL.
#pragma once

#include <cstdint>
#include <string>

#include "iotkit/hal/interfaces.h"
#include "iotkit/net/http_transport.h"
#include "iotkit/rtdb/token_source.h"

namespace iotkit {

enum class AuthStatus : uint8_t {
  Ok,
  MissingConfig,
  NotSignedIn,
  TransportFailed,
  InvalidCredentials,
  UserDisabled,
  InvalidCustomToken,
  InvalidRefreshToken,
  InvalidApiKey,
  TooManyAttempts,
  BadRequest,
  BadResponse,
  ServerError,
  /** tick(): a refresh failed recently; waiting before the next try. */
  Waiting,
};

/** Stable code, e.g. "auth/invalid-password" style: "auth/invalid-credentials". */
const char* authStatusCode(AuthStatus status);

struct AuthConfig {
  /** "" or "https://identitytoolkit.googleapis.com" = Google; else the emulator's base URL. */
  std::string authUrl;
  std::string apiKey;
  /** Refresh when the ID token has less than this left (never later than half its life). */
  uint32_t refreshMarginMs = 300000;
};

/** Key under which the refresh token is persisted in the KeyValueStore. */
constexpr const char* kRefreshTokenKey = "refresh_token";

class AuthClient : public TokenSource {
 public:
  AuthClient(HttpTransport& transport, Clock& clock, KeyValueStore* store);

  void configure(const AuthConfig& config);

  AuthStatus signInWithPassword(const char* email, const char* password);
  AuthStatus signInWithCustomToken(const char* customToken);
  /** Uses an ID token obtained elsewhere; with a refresh token it can be renewed. No request. */
  AuthStatus useIdToken(const char* idToken, const char* refreshToken, uint32_t expiresInSeconds);
  /** Signs in again from the refresh token saved in the KeyValueStore. */
  AuthStatus restore();
  AuthStatus refresh();
  /** Call every loop: refreshes ahead of expiry, retrying failures with back-off (1 s .. 60 s). */
  AuthStatus tick();
  void signOut();

  const char* idToken() override;
  bool signedIn() const { return !idToken_.empty(); }
  /** True once the ID token's lifetime has run out (it must not be sent any more). */
  bool expired();
  const std::string& uid() const { return uid_; }
  const std::string& refreshToken() const { return refreshToken_; }
  /** The server's error message of the last failure (e.g. "INVALID_PASSWORD"). */
  const std::string& lastError() const { return lastError_; }
  uint32_t expiresInMs();

  /** The URL for an endpoint, e.g. "accounts:signInWithPassword"; exposed for tests. */
  void endpointUrl(bool secureToken, const char* method, std::string& out) const;

 private:
  AuthStatus signIn(const char* method, const std::string& body);
  AuthStatus send(bool secureToken, const char* method, const std::string& body, const char* contentType);
  AuthStatus mapError();
  void acceptTokens(const std::string& idToken, const std::string& refreshToken, double expiresInSeconds,
                    const std::string& uid);

  HttpTransport& transport_;
  Clock& clock_;
  KeyValueStore* store_;
  AuthConfig config_;
  HttpRequest request_;
  HttpResponse response_;
  std::string idToken_;
  std::string refreshToken_;
  std::string uid_;
  std::string lastError_;
  uint32_t issuedAt_ = 0;
  uint32_t lifetimeMs_ = 0;
  uint32_t retryAt_ = 0;
  uint32_t retryDelayMs_ = 0;
};

/** Reads the `user_id` (or `sub`) claim from a JWT's payload without verifying it. */
bool uidFromIdToken(const char* idToken, std::string& uid);

}  // namespace iotkit
