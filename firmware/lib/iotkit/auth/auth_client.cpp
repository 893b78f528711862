#include "iotkit/auth/auth_client.h"

#include <cstdlib>
#include <cstring>

#include "iotkit/json/json_doc.h"
#include "iotkit/net/url_encode.h"

namespace iotkit {

namespace {

constexpr uint32_t kMinRetryMs = 1000;
constexpr uint32_t kMaxRetryMs = 60000;

bool startsWith(const std::string& text, const char* prefix) {
  return text.compare(0, std::strlen(prefix), prefix) == 0;
}

int base64UrlValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

}  // namespace

const char* authStatusCode(AuthStatus status) {
  switch (status) {
    case AuthStatus::Ok: return "ok";
    case AuthStatus::MissingConfig: return "auth/missing-config";
    case AuthStatus::NotSignedIn: return "auth/not-signed-in";
    case AuthStatus::TransportFailed: return "auth/network";
    case AuthStatus::InvalidCredentials: return "auth/invalid-credentials";
    case AuthStatus::UserDisabled: return "auth/user-disabled";
    case AuthStatus::InvalidCustomToken: return "auth/invalid-custom-token";
    case AuthStatus::InvalidRefreshToken: return "auth/invalid-refresh-token";
    case AuthStatus::InvalidApiKey: return "auth/invalid-api-key";
    case AuthStatus::TooManyAttempts: return "auth/too-many-attempts";
    case AuthStatus::BadRequest: return "auth/bad-request";
    case AuthStatus::BadResponse: return "auth/bad-response";
    case AuthStatus::ServerError: return "auth/server-error";
    case AuthStatus::Waiting: return "auth/waiting";
  }
  return "ok";
}

bool uidFromIdToken(const char* idToken, std::string& uid) {
  if (idToken == nullptr) return false;
  const char* firstDot = std::strchr(idToken, '.');
  if (firstDot == nullptr) return false;
  const char* payload = firstDot + 1;
  const char* secondDot = std::strchr(payload, '.');
  if (secondDot == nullptr) return false;
  std::string decoded;
  uint32_t bits = 0;
  int bitCount = 0;
  for (const char* p = payload; p < secondDot; ++p) {
    if (*p == '=') break;
    const int v = base64UrlValue(*p);
    if (v < 0) return false;
    bits = (bits << 6) | static_cast<uint32_t>(v);
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      decoded.push_back(static_cast<char>((bits >> bitCount) & 0xFF));
    }
  }
  JsonDoc doc;
  if (!doc.parse(decoded)) return false;
  return jsonString(doc.root(), "user_id", uid) || jsonString(doc.root(), "sub", uid);
}

AuthClient::AuthClient(HttpTransport& transport, Clock& clock, KeyValueStore* store)
    : transport_(transport), clock_(clock), store_(store) {
  request_.url.reserve(192);
  request_.body.reserve(512);
  response_.body.reserve(2048);
}

void AuthClient::configure(const AuthConfig& config) {
  config_ = config;
  while (!config_.authUrl.empty() && config_.authUrl.back() == '/') config_.authUrl.pop_back();
}

void AuthClient::endpointUrl(bool secureToken, const char* method, std::string& out) const {
  const char* host = secureToken ? "securetoken.googleapis.com" : "identitytoolkit.googleapis.com";
  const bool google = config_.authUrl.empty() || config_.authUrl.find("googleapis.com") != std::string::npos;
  out.clear();
  if (google) {
    out.append("https://").append(host);
  } else {
    out.append(config_.authUrl).append("/").append(host);
  }
  out.append("/v1/").append(method).append("?key=");
  appendPercentEncoded(out, config_.apiKey.c_str());
}

AuthStatus AuthClient::send(bool secureToken, const char* method, const std::string& body, const char* contentType) {
  if (config_.apiKey.empty()) {
    lastError_ = "apiKey is not configured";
    return AuthStatus::MissingConfig;
  }
  request_.reset();
  request_.method = HttpMethod::Post;
  endpointUrl(secureToken, method, request_.url);
  request_.body.assign(body);
  request_.contentType = contentType;
  response_.reset();
  const TransportError error = transport_.send(request_, response_);
  if (error != TransportError::None || response_.status == 0) {
    lastError_ = transportErrorName(error);
    return AuthStatus::TransportFailed;
  }
  if (response_.status >= 200 && response_.status < 300) return AuthStatus::Ok;
  return mapError();
}

AuthStatus AuthClient::mapError() {
  lastError_.clear();
  JsonDoc doc;
  if (doc.parse(response_.body)) {
    const cJSON* error = cJSON_GetObjectItemCaseSensitive(doc.root(), "error");
    jsonString(error, "message", lastError_);
  }
  if (lastError_.empty()) lastError_ = "HTTP " + std::to_string(response_.status);
  const std::string& m = lastError_;
  if (startsWith(m, "EMAIL_NOT_FOUND") || startsWith(m, "INVALID_PASSWORD") ||
      startsWith(m, "INVALID_LOGIN_CREDENTIALS") || startsWith(m, "INVALID_EMAIL") ||
      startsWith(m, "MISSING_PASSWORD")) {
    return AuthStatus::InvalidCredentials;
  }
  if (startsWith(m, "USER_DISABLED")) return AuthStatus::UserDisabled;
  if (startsWith(m, "INVALID_CUSTOM_TOKEN") || startsWith(m, "CREDENTIAL_MISMATCH")) {
    return AuthStatus::InvalidCustomToken;
  }
  if (startsWith(m, "TOKEN_EXPIRED") || startsWith(m, "INVALID_REFRESH_TOKEN") || startsWith(m, "USER_NOT_FOUND") ||
      startsWith(m, "MISSING_REFRESH_TOKEN")) {
    return AuthStatus::InvalidRefreshToken;
  }
  if (startsWith(m, "API_KEY_INVALID") || m.find("API key not valid") != std::string::npos) {
    return AuthStatus::InvalidApiKey;
  }
  if (startsWith(m, "TOO_MANY_ATTEMPTS")) return AuthStatus::TooManyAttempts;
  if (response_.status >= 500) return AuthStatus::ServerError;
  return AuthStatus::BadRequest;
}

void AuthClient::acceptTokens(const std::string& idToken, const std::string& refreshToken, double expiresInSeconds,
                              const std::string& uid) {
  idToken_ = idToken;
  if (!refreshToken.empty()) refreshToken_ = refreshToken;
  uid_ = uid;
  if (uid_.empty()) uidFromIdToken(idToken_.c_str(), uid_);
  if (!(expiresInSeconds > 0) || expiresInSeconds > 86400.0) expiresInSeconds = 3600.0;
  lifetimeMs_ = static_cast<uint32_t>(expiresInSeconds * 1000.0);
  issuedAt_ = clock_.millis();
  retryDelayMs_ = 0;
  lastError_.clear();
  if (store_ != nullptr && !refreshToken_.empty()) store_->put(kRefreshTokenKey, refreshToken_.c_str());
}

AuthStatus AuthClient::signIn(const char* method, const std::string& body) {
  const AuthStatus status = send(false, method, body, "application/json");
  if (status != AuthStatus::Ok) return status;
  JsonDoc doc;
  std::string idToken;
  std::string refreshToken;
  std::string expiresIn;
  std::string uid;
  if (!doc.parse(response_.body) || !jsonString(doc.root(), "idToken", idToken)) {
    lastError_ = "sign-in response has no idToken";
    return AuthStatus::BadResponse;
  }
  jsonString(doc.root(), "refreshToken", refreshToken);
  jsonString(doc.root(), "expiresIn", expiresIn);  // a string of seconds in this API
  jsonString(doc.root(), "localId", uid);
  acceptTokens(idToken, refreshToken, std::strtod(expiresIn.c_str(), nullptr), uid);
  return AuthStatus::Ok;
}

AuthStatus AuthClient::signInWithPassword(const char* email, const char* password) {
  if (email == nullptr || email[0] == '\0' || password == nullptr || password[0] == '\0') {
    lastError_ = "email and password are required";
    return AuthStatus::MissingConfig;
  }
  std::string body = "{\"email\":";
  appendJsonString(body, email);
  body.append(",\"password\":");
  appendJsonString(body, password);
  body.append(",\"returnSecureToken\":true}");
  return signIn("accounts:signInWithPassword", body);
}

AuthStatus AuthClient::signInWithCustomToken(const char* customToken) {
  if (customToken == nullptr || customToken[0] == '\0') {
    lastError_ = "custom token is empty";
    return AuthStatus::MissingConfig;
  }
  std::string body = "{\"token\":";
  appendJsonString(body, customToken);
  body.append(",\"returnSecureToken\":true}");
  return signIn("accounts:signInWithCustomToken", body);
}

AuthStatus AuthClient::useIdToken(const char* idToken, const char* refreshToken, uint32_t expiresInSeconds) {
  if (idToken == nullptr || idToken[0] == '\0') {
    lastError_ = "ID token is empty";
    return AuthStatus::MissingConfig;
  }
  acceptTokens(idToken, refreshToken != nullptr ? refreshToken : "", expiresInSeconds, "");
  return AuthStatus::Ok;
}

AuthStatus AuthClient::restore() {
  std::string saved;
  if (store_ == nullptr || !store_->get(kRefreshTokenKey, saved) || saved.empty()) {
    lastError_ = "no saved refresh token";
    return AuthStatus::NotSignedIn;
  }
  refreshToken_ = saved;
  return refresh();
}

AuthStatus AuthClient::refresh() {
  if (refreshToken_.empty()) {
    lastError_ = "no refresh token";
    return AuthStatus::NotSignedIn;
  }
  // The Secure Token API documents a form-encoded body with snake_case fields.
  std::string body = "grant_type=refresh_token&refresh_token=";
  appendPercentEncoded(body, refreshToken_.c_str());
  const AuthStatus status = send(true, "token", body, "application/x-www-form-urlencoded");
  if (status != AuthStatus::Ok) {
    if (status == AuthStatus::InvalidRefreshToken && store_ != nullptr) store_->remove(kRefreshTokenKey);
    return status;
  }
  JsonDoc doc;
  std::string idToken;
  std::string refreshToken;
  std::string expiresIn;
  std::string uid;
  if (!doc.parse(response_.body) || !jsonString(doc.root(), "id_token", idToken)) {
    lastError_ = "refresh response has no id_token";
    return AuthStatus::BadResponse;
  }
  jsonString(doc.root(), "refresh_token", refreshToken);
  jsonString(doc.root(), "expires_in", expiresIn);
  jsonString(doc.root(), "user_id", uid);
  acceptTokens(idToken, refreshToken, std::strtod(expiresIn.c_str(), nullptr), uid);
  return AuthStatus::Ok;
}

uint32_t AuthClient::expiresInMs() {
  if (idToken_.empty()) return 0;
  const uint32_t age = clock_.millis() - issuedAt_;
  return age >= lifetimeMs_ ? 0 : lifetimeMs_ - age;
}

bool AuthClient::expired() { return !idToken_.empty() && expiresInMs() == 0; }

const char* AuthClient::idToken() { return expired() ? "" : idToken_.c_str(); }

AuthStatus AuthClient::tick() {
  if (idToken_.empty()) return AuthStatus::NotSignedIn;
  uint32_t margin = config_.refreshMarginMs;
  if (margin > lifetimeMs_ / 2) margin = lifetimeMs_ / 2;
  if (expiresInMs() > margin) return AuthStatus::Ok;
  if (refreshToken_.empty()) return expired() ? AuthStatus::NotSignedIn : AuthStatus::Ok;
  const uint32_t now = clock_.millis();
  if (retryDelayMs_ != 0 && static_cast<int32_t>(now - retryAt_) < 0) return AuthStatus::Waiting;
  const AuthStatus status = refresh();
  if (status != AuthStatus::Ok) {
    retryDelayMs_ = retryDelayMs_ == 0 ? kMinRetryMs : (retryDelayMs_ >= kMaxRetryMs / 2 ? kMaxRetryMs : retryDelayMs_ * 2);
    retryAt_ = now + retryDelayMs_;
  }
  return status;
}

void AuthClient::signOut() {
  idToken_.clear();
  refreshToken_.clear();
  uid_.clear();
  lifetimeMs_ = 0;
  if (store_ != nullptr) store_->remove(kRefreshTokenKey);
}

}  // namespace iotkit
