#include "iotkit/host/curl_stream.h"

#include <curl/curl.h>

#include <cstdlib>
#include <cstring>

namespace iotkit::host {

namespace {

size_t onBody(char* data, size_t size, size_t count, void* user) {
  static_cast<CurlStream*>(user)->appendBody(data, size * count);
  return size * count;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  static_cast<CurlStream*>(user)->headerLine(data, size * count);
  return size * count;
}

bool isRedirect(int32_t status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

}  // namespace

CurlStream::CurlStream() : multi_(curl_multi_init()) { buffer_.reserve(16384); }

CurlStream::~CurlStream() {
  close();
  curl_multi_cleanup(multi_);
}

void CurlStream::appendBody(const char* data, size_t length) { buffer_.append(data, length); }

void CurlStream::headerLine(const char* data, size_t length) {
  if (length >= 5 && std::strncmp(data, "HTTP/", 5) == 0) {
    const char* space = static_cast<const char*>(std::memchr(data, ' ', length));
    pendingStatus_ = space != nullptr ? static_cast<int32_t>(std::atoi(space + 1)) : 0;
  } else if ((length == 2 && data[0] == '\r') || (length == 1 && data[0] == '\n')) {
    // End of a header block; a redirect's block is followed by the next response's.
    if (!isRedirect(pendingStatus_)) status_ = pendingStatus_;
  }
}

TransportError CurlStream::open(const std::string& url) {
  close();
  easy_ = curl_easy_init();
  if (easy_ == nullptr) return TransportError::Other;
  url_ = url;
  buffer_.clear();
  readOffset_ = 0;
  pendingStatus_ = 0;
  status_ = 0;
  headers_ = curl_slist_append(nullptr, "Accept: text/event-stream");
  curl_easy_setopt(easy_, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_);
  curl_easy_setopt(easy_, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
  if (curl_multi_add_handle(multi_, easy_) != CURLM_OK) {
    close();
    return TransportError::Other;
  }
  state_ = StreamState::Connecting;
  pump();
  return TransportError::None;
}

void CurlStream::pump() {
  if (easy_ == nullptr) return;
  int running = 0;
  curl_multi_perform(multi_, &running);
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
    if (message->msg == CURLMSG_DONE && message->easy_handle == easy_) {
      state_ = message->data.result == CURLE_OK ? StreamState::Closed : StreamState::Failed;
    }
  }
  if (state_ == StreamState::Connecting && status_ != 0) state_ = StreamState::Open;
}

size_t CurlStream::poll(char* buffer, size_t capacity) {
  if (readOffset_ >= buffer_.size()) pump();
  const size_t available = buffer_.size() - readOffset_;
  const size_t n = available < capacity ? available : capacity;
  if (n > 0) std::memcpy(buffer, buffer_.data() + readOffset_, n);
  readOffset_ += n;
  if (readOffset_ == buffer_.size()) {
    // Everything handed out: rewind instead of growing (capacity stays reserved).
    buffer_.clear();
    readOffset_ = 0;
  }
  return n;
}

StreamState CurlStream::state() {
  pump();
  // Report the end only after every received byte was handed out.
  if ((state_ == StreamState::Closed || state_ == StreamState::Failed) && readOffset_ < buffer_.size()) {
    return StreamState::Open;
  }
  return state_;
}

void CurlStream::close() {
  if (easy_ != nullptr) {
    curl_multi_remove_handle(multi_, easy_);
    curl_easy_cleanup(easy_);
    easy_ = nullptr;
  }
  if (headers_ != nullptr) {
    curl_slist_free_all(headers_);
    headers_ = nullptr;
  }
  if (state_ != StreamState::Idle) state_ = StreamState::Closed;
}

}  // namespace iotkit::host
