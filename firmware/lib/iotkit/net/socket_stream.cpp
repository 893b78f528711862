#include "iotkit/net/socket_stream.h"

#include <cstdlib>
#include <cstring>

namespace iotkit {

namespace {
constexpr size_t kMaxHeadBytes = 4096;  // no sane response head is longer
constexpr uint8_t kMaxRedirects = 3;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/** Finds header `name` (lower case, with the colon) in `head`; sets the trimmed value's range. */
bool findHeader(const std::string& head, const char* name, size_t& from, size_t& to) {
  const size_t nameLength = std::strlen(name);
  size_t line = head.find("\r\n");
  while (line != std::string::npos && line + 2 < head.size()) {
    const size_t start = line + 2;
    bool match = start + nameLength <= head.size();
    for (size_t i = 0; match && i < nameLength; ++i) match = lower(head[start + i]) == name[i];
    line = head.find("\r\n", start);
    if (!match) continue;
    from = start + nameLength;
    while (from < head.size() && head[from] == ' ') ++from;
    to = line == std::string::npos ? head.size() : line;
    while (to > from && head[to - 1] == ' ') --to;
    return true;
  }
  return false;
}

bool containsLower(const std::string& text, size_t from, size_t to, const char* word) {
  const size_t length = std::strlen(word);
  for (size_t i = from; i + length <= to; ++i) {
    size_t j = 0;
    while (j < length && lower(text[i + j]) == word[j]) ++j;
    if (j == length) return true;
  }
  return false;
}
}  // namespace

SocketStream::SocketStream(SocketLink& link, ConnectGate& gate) : link_(link), gate_(gate) {
  request_.reserve(512);
  head_.reserve(512);
}

TransportError SocketStream::open(const std::string& url) {
  close();
  redirects_ = 0;
  lastError_.clear();
  if (!parseUrl(url, origin_, target_)) {
    fail("stream URL is not http(s)");
    return TransportError::Other;
  }
  phase_ = Phase::Pending;
  state_ = StreamState::Connecting;
  status_ = 0;
  return TransportError::None;
}

void SocketStream::fail(const char* why) {
  link_.close();
  phase_ = Phase::Idle;
  state_ = StreamState::Failed;
  if (lastError_.empty()) lastError_ = why;
}

bool SocketStream::connectNow() {
  if (!gate_.mayAttempt()) {
    fail("backend unreachable; waiting before the next connection attempt");
    return false;
  }
  ++connects_;
  const LinkError error = link_.connect(origin_, gate_.limits());
  if (error != LinkError::None) {
    gate_.failed();
    const char* why = link_.lastError();
    lastError_ = why[0] != '\0' ? why : linkErrorName(error);
    fail("connect failed");
    return false;
  }
  gate_.succeeded();
  hostHeader(origin_, host_);
  request_.assign("GET ");
  request_.append(target_);
  request_.append(" HTTP/1.1\r\nHost: ");
  request_.append(host_);
  request_.append("\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n");
  if (link_.write(request_.data(), request_.size()) != request_.size()) {
    fail("could not send the stream request");
    return false;
  }
  head_.clear();
  chunked_ = false;
  decoder_.reset();
  rawLength_ = rawOffset_ = 0;
  phase_ = Phase::Head;
  return true;
}

// Reads what has arrived into the head; true once the blank line ending it was seen.
bool SocketStream::readHead() {
  for (;;) {
    if (rawOffset_ == rawLength_) {
      rawLength_ = link_.read(raw_, sizeof(raw_));
      rawOffset_ = 0;
      if (rawLength_ == 0) return false;
    }
    while (rawOffset_ < rawLength_) {
      head_.push_back(raw_[rawOffset_++]);
      const size_t n = head_.size();
      if (n >= 4 && head_[n - 4] == '\r' && head_[n - 3] == '\n' && head_[n - 2] == '\r' && head_[n - 1] == '\n') {
        return true;
      }
      if (n > kMaxHeadBytes) {
        fail("response head too long");
        return false;
      }
    }
  }
}

size_t SocketStream::readBody(char* buffer, size_t capacity) {
  size_t written = 0;
  while (written < capacity && state_ == StreamState::Open) {
    if (rawOffset_ == rawLength_) {
      rawLength_ = link_.read(raw_, sizeof(raw_));
      rawOffset_ = 0;
      if (rawLength_ == 0) break;
    }
    if (!chunked_) {
      size_t n = rawLength_ - rawOffset_;
      if (n > capacity - written) n = capacity - written;
      std::memcpy(buffer + written, raw_ + rawOffset_, n);
      rawOffset_ += n;
      written += n;
      continue;
    }
    size_t consumed = 0;
    written += decoder_.feed(raw_ + rawOffset_, rawLength_ - rawOffset_, buffer + written, capacity - written, consumed);
    rawOffset_ += consumed;
    if (decoder_.failed()) fail("bad chunked encoding");
    if (decoder_.done()) {
      link_.close();
      phase_ = Phase::Idle;
      state_ = StreamState::Closed;
    }
  }
  return written;
}

size_t SocketStream::poll(char* buffer, size_t capacity) {
  if (phase_ == Phase::Pending) {
    connectNow();
    return 0;  // the connect was this call's one blocking step
  }
  if (phase_ == Phase::Head) {
    if (!readHead()) {
      if (phase_ == Phase::Head && !link_.connected()) fail("connection closed before the response head");
      return 0;
    }
    const size_t space = head_.find(' ');
    status_ = space == std::string::npos ? 0 : static_cast<int32_t>(std::strtol(head_.c_str() + space + 1, nullptr, 10));
    size_t from = 0;
    size_t to = 0;
    chunked_ = findHeader(head_, "transfer-encoding:", from, to) && containsLower(head_, from, to, "chunked");
    if ((status_ == 301 || status_ == 302 || status_ == 307 || status_ == 308) &&
        findHeader(head_, "location:", from, to)) {
      if (redirects_ >= kMaxRedirects) {
        fail("too many redirects");
        return 0;
      }
      const std::string location = head_.substr(from, to - from);
      link_.close();
      if (!parseUrl(location, origin_, target_)) {
        fail("redirect to a non-http(s) URL");
        return 0;
      }
      ++redirects_;
      status_ = 0;
      phase_ = Phase::Pending;  // connect to the new location on the next poll
      return 0;
    }
    phase_ = Phase::Body;
    state_ = StreamState::Open;
  }
  if (phase_ != Phase::Body) return 0;
  const size_t written = readBody(buffer, capacity);
  if (written == 0 && state_ == StreamState::Open && !link_.connected()) {
    link_.close();
    phase_ = Phase::Idle;
    state_ = StreamState::Closed;
  }
  return written;
}

void SocketStream::close() {
  if (phase_ != Phase::Idle) link_.close();
  phase_ = Phase::Idle;
  if (state_ != StreamState::Idle) state_ = StreamState::Closed;
}

}  // namespace iotkit
