// SSE over a raw WiFiClient: HTTPClient cannot hand back a half-read body without blocking,
// so this sends the GET itself and parses the response head incrementally.
#include <WiFi.h>
#include <WiFiClientSecure.h>

#include "iotkit/esp32/adapters.h"
#include "iotkit/net/chunked_decoder.h"

namespace iotkit::esp32 {

struct ArduinoStream::Impl {
  WiFiClientSecure secure;
  WiFiClient plain;
  WiFiClient* client = nullptr;
  std::string head;
  std::string location;
  bool headDone = false;
  bool chunked = false;
  uint8_t redirects = 0;
  ChunkedDecoder decoder;
  char raw[256];
  size_t rawLength = 0;
  size_t rawOffset = 0;
};

ArduinoStream::ArduinoStream(const char* rootCa) : impl_(new Impl()), rootCa_(rootCa) {
  if (rootCa_ != nullptr) impl_->secure.setCACert(rootCa_); else impl_->secure.setInsecure();
}

ArduinoStream::~ArduinoStream() {
  close();
  delete impl_;
}

TransportError ArduinoStream::open(const std::string& url) {
  close();
  const bool https = url.rfind("https://", 0) == 0;
  const size_t hostStart = url.find("://") + 3;
  const size_t pathStart = url.find('/', hostStart);
  std::string host = url.substr(hostStart, pathStart - hostStart);
  const std::string path = pathStart == std::string::npos ? "/" : url.substr(pathStart);
  uint16_t port = https ? 443 : 80;
  const size_t colon = host.find(':');
  if (colon != std::string::npos) {
    port = static_cast<uint16_t>(atoi(host.c_str() + colon + 1));
    host.resize(colon);
  }
  impl_->client = https ? static_cast<WiFiClient*>(&impl_->secure) : &impl_->plain;
  if (!impl_->client->connect(host.c_str(), port)) {
    state_ = StreamState::Failed;
    return TransportError::ConnectFailed;
  }
  impl_->client->printf("GET %s HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\nConnection: keep-alive\r\n\r\n",
                        path.c_str(), host.c_str());
  impl_->head.clear();
  impl_->location.clear();
  impl_->headDone = false;
  impl_->chunked = false;
  impl_->decoder.reset();
  impl_->rawLength = impl_->rawOffset = 0;
  status_ = 0;
  state_ = StreamState::Connecting;
  return TransportError::None;
}

size_t ArduinoStream::poll(char* buffer, size_t capacity) {
  Impl& s = *impl_;
  if (s.client == nullptr) return 0;
  while (!s.headDone && s.client->available() > 0) {
    const char c = static_cast<char>(s.client->read());
    s.head.push_back(c);
    if (s.head.size() > 4096) {  // no sane response head is this long
      state_ = StreamState::Failed;
      return 0;
    }
    if (s.head.size() >= 4 && s.head.compare(s.head.size() - 4, 4, "\r\n\r\n") == 0) {
      s.headDone = true;
      status_ = static_cast<int32_t>(atoi(s.head.c_str() + s.head.find(' ') + 1));
      std::string lower = s.head;
      for (char& ch : lower) ch = static_cast<char>(tolower(static_cast<unsigned char>(ch)));
      s.chunked = lower.find("transfer-encoding: chunked") != std::string::npos;
      const size_t loc = lower.find("\r\nlocation: ");
      if ((status_ == 307 || status_ == 302) && loc != std::string::npos && s.redirects < 3) {
        const size_t start = loc + 12;
        const std::string target = s.head.substr(start, s.head.find("\r\n", start) - start);
        ++s.redirects;
        open(target);
        return 0;
      }
      s.redirects = 0;
      state_ = StreamState::Open;
    }
  }
  if (!s.headDone) {
    if (!s.client->connected()) state_ = StreamState::Failed;
    return 0;
  }
  size_t written = 0;
  while (written < capacity) {
    if (s.rawOffset == s.rawLength) {
      const int available = s.client->available();
      if (available <= 0) break;
      const int n = s.client->read(reinterpret_cast<uint8_t*>(s.raw), sizeof(s.raw));
      if (n <= 0) break;
      s.rawLength = static_cast<size_t>(n);
      s.rawOffset = 0;
    }
    if (!s.chunked) {
      size_t n = s.rawLength - s.rawOffset;
      if (n > capacity - written) n = capacity - written;
      memcpy(buffer + written, s.raw + s.rawOffset, n);
      s.rawOffset += n;
      written += n;
      continue;
    }
    size_t consumed = 0;
    written += s.decoder.feed(s.raw + s.rawOffset, s.rawLength - s.rawOffset, buffer + written, capacity - written, consumed);
    s.rawOffset += consumed;
    if (s.decoder.failed()) {
      state_ = StreamState::Failed;
      break;
    }
    if (s.decoder.done()) {
      state_ = StreamState::Closed;
      break;
    }
  }
  if (written == 0 && !s.client->connected() && state_ == StreamState::Open) state_ = StreamState::Closed;
  return written;
}

void ArduinoStream::close() {
  if (impl_->client != nullptr) impl_->client->stop();
  impl_->client = nullptr;
  if (state_ != StreamState::Idle) state_ = StreamState::Closed;
}

}  // namespace iotkit::esp32
