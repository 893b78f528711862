// A SocketLink over a POSIX TCP socket (plain http only), so the ESP32's SSE code path
// (SocketStream: hand-written request, head parsing, chunked decoding) can run against the real
// local backend on the host. Test-only: the ESP32 uses WiFiClient / WiFiClientSecure.
#pragma once

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "iotkit/net/socket_link.h"

namespace posixlink {

class PosixSocketLink : public iotkit::SocketLink {
 public:
  ~PosixSocketLink() override { close(); }

  iotkit::LinkError connect(const iotkit::Origin& origin, const iotkit::ConnectLimits& limits) override {
    close();
    ++connects;
    if (origin.tls) return iotkit::LinkError::Tls;  // no TLS on this test link
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(origin.host.c_str(), std::to_string(origin.port).c_str(), &hints, &found) != 0) {
      return iotkit::LinkError::ConnectFailed;
    }
    for (addrinfo* a = found; a != nullptr && fd_ < 0; a = a->ai_next) {
      const int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
      if (fd < 0) continue;
      fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
      if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0 || (errno == EINPROGRESS && waitWritable(fd, limits.connectTimeoutMs))) {
        fd_ = fd;
      } else {
        ::close(fd);
      }
    }
    freeaddrinfo(found);
    return fd_ >= 0 ? iotkit::LinkError::None : iotkit::LinkError::ConnectFailed;
  }

  bool connected() override {
    if (fd_ < 0) return false;
    char probe;
    const ssize_t n = ::recv(fd_, &probe, 1, MSG_PEEK | MSG_DONTWAIT);
    return n > 0 || (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
  }

  size_t write(const char* data, size_t length) override {
    size_t sent = 0;
    while (fd_ >= 0 && sent < length) {
      const ssize_t n = ::send(fd_, data + sent, length - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<size_t>(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && waitWritable(fd_, 2000)) {
        continue;
      } else {
        break;
      }
    }
    written.append(data, sent);
    return sent;
  }

  size_t read(char* buffer, size_t capacity) override {
    if (fd_ < 0) return 0;
    const ssize_t n = ::recv(fd_, buffer, capacity, MSG_DONTWAIT);
    return n > 0 ? static_cast<size_t>(n) : 0;
  }

  void close() override {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  int connects = 0;
  std::string written;

 private:
  static bool waitWritable(int fd, uint32_t timeoutMs) {
    pollfd p{fd, POLLOUT, 0};
    if (::poll(&p, 1, static_cast<int>(timeoutMs)) != 1) return false;
    int error = 0;
    socklen_t size = sizeof(error);
    return getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
  }

  int fd_ = -1;
};

}  // namespace posixlink
