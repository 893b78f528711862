#include "iotkit/rtdb/rtdb_client.h"

#include "iotkit/json/json_doc.h"
#include "iotkit/net/url_encode.h"

namespace iotkit {

const char* rtdbStatusCode(RtdbStatus status) {
  switch (status) {
    case RtdbStatus::Ok: return "ok";
    case RtdbStatus::InvalidPath: return "rtdb/invalid-path";
    case RtdbStatus::InvalidArgument: return "rtdb/invalid-argument";
    case RtdbStatus::TransportFailed: return "rtdb/network";
    case RtdbStatus::BadRequest: return "rtdb/bad-request";
    case RtdbStatus::PermissionDenied: return "rtdb/permission-denied";
    case RtdbStatus::NotFound: return "rtdb/not-found";
    case RtdbStatus::PreconditionFailed: return "rtdb/precondition-failed";
    case RtdbStatus::ServerError: return "rtdb/server-error";
    case RtdbStatus::UnexpectedStatus: return "rtdb/unexpected-status";
    case RtdbStatus::BadResponse: return "rtdb/bad-response";
  }
  return "ok";
}

bool validateRtdbPath(const char* path, const char** problem) {
  if (path == nullptr) {
    if (problem != nullptr) *problem = "path is null";
    return false;
  }
  for (const char* p = path; *p != '\0'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '.' || c == '$' || c == '#' || c == '[' || c == ']') {
      if (problem != nullptr) *problem = "path keys may not contain '.', '$', '#', '[' or ']'";
      return false;
    }
    if (c < 0x20 || c == 0x7F) {
      if (problem != nullptr) *problem = "path keys may not contain control characters";
      return false;
    }
  }
  return true;
}

RtdbClient::RtdbClient(HttpTransport& transport, TokenSource* tokens) : transport_(transport), tokens_(tokens) {
  request_.url.reserve(256);
  request_.body.reserve(256);
  response_.body.reserve(512);
}

void RtdbClient::configure(const char* baseUrl, const char* ns) {
  baseUrl_.assign(baseUrl != nullptr ? baseUrl : "");
  while (!baseUrl_.empty() && baseUrl_.back() == '/') baseUrl_.pop_back();
  ns_.assign(ns != nullptr ? ns : "");
}

bool RtdbClient::buildUrl(const char* path, const RtdbQuery* query, std::string& out, const char** problem) {
  if (!validateRtdbPath(path, problem)) return false;
  out.assign(baseUrl_);
  out.push_back('/');
  // Collapse repeated and edge slashes so "/a//b/" and "a/b" name the same node.
  const char* p = path;
  bool needSlash = false;
  while (*p != '\0') {
    while (*p == '/') ++p;
    const char* start = p;
    while (*p != '\0' && *p != '/') ++p;
    if (p == start) break;
    if (needSlash) out.push_back('/');
    appendPercentEncoded(out, start, static_cast<size_t>(p - start));
    needSlash = true;
  }
  out.append(".json");
  char sep = '?';
  if (!ns_.empty()) {
    out.append("?ns=");
    appendPercentEncoded(out, ns_.c_str());
    sep = '&';
  }
  const char* token = tokens_ != nullptr ? tokens_->idToken() : "";
  if (token != nullptr && token[0] != '\0') {
    out.push_back(sep);
    out.append("auth=");
    appendPercentEncoded(out, token);
    sep = '&';
  }
  if (query != nullptr && !query->params().empty()) {
    out.push_back(sep);
    out.append(query->params(), 1, std::string::npos);  // drop the leading '&'
  }
  return true;
}

RtdbStatus RtdbClient::execute(HttpMethod method, const char* path, const char* json, const RtdbQuery* query,
                               bool wantEtag, const char* ifMatch, RtdbResult& out) {
  out.status = RtdbStatus::Ok;
  out.httpStatus = 0;
  out.transport = TransportError::None;
  out.body.clear();
  out.etag.clear();
  out.name.clear();
  out.error.clear();

  if (query != nullptr && query->needsOrderBy()) {
    out.error = "a query filter or limit needs an orderBy";
    return out.status = RtdbStatus::InvalidArgument;
  }
  if (json != nullptr) {
    // Never send text the server would store wrongly or reject: check it is JSON first.
    JsonDoc doc;
    if (!doc.parse(json, std::char_traits<char>::length(json))) {
      out.error = "body is not valid JSON";
      return out.status = RtdbStatus::InvalidArgument;
    }
  }
  request_.reset();
  const char* problem = "";
  if (!buildUrl(path, query, request_.url, &problem)) {
    out.error = problem;
    return out.status = RtdbStatus::InvalidPath;
  }
  request_.method = method;
  if (json != nullptr) request_.body.assign(json);
  request_.contentType = json != nullptr ? "application/json" : "";
  request_.wantEtag = wantEtag;
  if (ifMatch != nullptr) request_.ifMatch.assign(ifMatch);

  response_.reset();
  out.transport = transport_.send(request_, response_);
  out.httpStatus = response_.status;
  out.body.swap(response_.body);
  out.etag.swap(response_.etag);
  if (out.transport != TransportError::None || response_.status == 0) {
    out.error = transportErrorName(out.transport);
    return out.status = RtdbStatus::TransportFailed;
  }

  const int32_t s = out.httpStatus;
  if (s >= 200 && s < 300) {
    if (method == HttpMethod::Post) {
      JsonDoc doc;
      if (!doc.parse(out.body) || !jsonString(doc.root(), "name", out.name)) {
        out.error = "push response has no name";
        return out.status = RtdbStatus::BadResponse;
      }
    }
    return out.status = RtdbStatus::Ok;
  }
  JsonDoc doc;
  if (doc.parse(out.body)) jsonString(doc.root(), "error", out.error);
  if (out.error.empty()) out.error = "HTTP " + std::to_string(s);
  if (s == 400) return out.status = RtdbStatus::BadRequest;
  if (s == 401 || s == 403) return out.status = RtdbStatus::PermissionDenied;
  if (s == 404) return out.status = RtdbStatus::NotFound;
  if (s == 412) return out.status = RtdbStatus::PreconditionFailed;
  if (s >= 500) return out.status = RtdbStatus::ServerError;
  return out.status = RtdbStatus::UnexpectedStatus;
}

RtdbStatus RtdbClient::get(const char* path, RtdbResult& out, const RtdbQuery* query) {
  return execute(HttpMethod::Get, path, nullptr, query, false, nullptr, out);
}

RtdbStatus RtdbClient::getWithEtag(const char* path, RtdbResult& out) {
  return execute(HttpMethod::Get, path, nullptr, nullptr, true, nullptr, out);
}

RtdbStatus RtdbClient::put(const char* path, const char* json, RtdbResult& out) {
  if (json == nullptr) {
    out.error = "body is null";
    return out.status = RtdbStatus::InvalidArgument;
  }
  return execute(HttpMethod::Put, path, json, nullptr, false, nullptr, out);
}

RtdbStatus RtdbClient::putIfMatch(const char* path, const char* json, const char* etag, RtdbResult& out) {
  if (json == nullptr || etag == nullptr || etag[0] == '\0') {
    out.error = "putIfMatch needs a body and an ETag";
    return out.status = RtdbStatus::InvalidArgument;
  }
  return execute(HttpMethod::Put, path, json, nullptr, true, etag, out);
}

RtdbStatus RtdbClient::post(const char* path, const char* json, RtdbResult& out) {
  if (json == nullptr) {
    out.error = "body is null";
    return out.status = RtdbStatus::InvalidArgument;
  }
  return execute(HttpMethod::Post, path, json, nullptr, false, nullptr, out);
}

RtdbStatus RtdbClient::patch(const char* path, const char* json, RtdbResult& out) {
  if (json == nullptr) {
    out.error = "body is null";
    return out.status = RtdbStatus::InvalidArgument;
  }
  return execute(HttpMethod::Patch, path, json, nullptr, false, nullptr, out);
}

RtdbStatus RtdbClient::remove(const char* path, RtdbResult& out) {
  return execute(HttpMethod::Delete, path, nullptr, nullptr, false, nullptr, out);
}

}  // namespace iotkit
