#include "iotkit/host/curl_transport.h"

#include <curl/curl.h>

#include <cctype>
#include <cstring>
#include <string>

namespace iotkit::host {

namespace {

size_t onBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  const size_t length = size * count;
  static const char kEtag[] = "etag:";
  if (length > sizeof(kEtag) - 1) {
    bool match = true;
    for (size_t i = 0; i < sizeof(kEtag) - 1; ++i) {
      if (std::tolower(static_cast<unsigned char>(data[i])) != kEtag[i]) {
        match = false;
        break;
      }
    }
    if (match) {
      std::string value(data + sizeof(kEtag) - 1, length - (sizeof(kEtag) - 1));
      const size_t first = value.find_first_not_of(" \t");
      const size_t last = value.find_last_not_of(" \t\r\n");
      *static_cast<std::string*>(user) = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    }
  }
  return length;
}

TransportError fromCurl(CURLcode code) {
  switch (code) {
    case CURLE_OK: return TransportError::None;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransportError::ConnectFailed;
    case CURLE_OPERATION_TIMEDOUT: return TransportError::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION: return TransportError::Tls;
    default: return TransportError::Other;
  }
}

}  // namespace

CurlTransport::CurlTransport(uint32_t timeoutMs) : curl_(curl_easy_init()), timeoutMs_(timeoutMs) {}

CurlTransport::~CurlTransport() { curl_easy_cleanup(curl_); }

TransportError CurlTransport::send(const HttpRequest& request, HttpResponse& response) {
  response.reset();
  if (curl_ == nullptr) return TransportError::Other;
  CURL* c = curl_;
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeoutMs_));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &response.etag);

  struct curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip for bodies
  std::string line;
  if (request.contentType != nullptr && request.contentType[0] != '\0') {
    line = std::string("Content-Type: ") + request.contentType;
    headers = curl_slist_append(headers, line.c_str());
  }
  if (request.wantEtag) headers = curl_slist_append(headers, "X-Firebase-ETag: true");
  if (!request.ifMatch.empty()) {
    line = "if-match: " + request.ifMatch;
    headers = curl_slist_append(headers, line.c_str());
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

  if (request.method == HttpMethod::Get) {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, nullptr);
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, httpMethodName(request.method));
  }

  const CURLcode code = curl_easy_perform(c);
  curl_slist_free_all(headers);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
  long connects = 0;
  curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &connects);
  connections_ += connects;
  if (code != CURLE_OK) return fromCurl(code);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int32_t>(status);
  return TransportError::None;
}

}  // namespace iotkit::host
