#include "iotkit/net/http_transport.h"

namespace iotkit {

const char* httpMethodName(HttpMethod method) {
  switch (method) {
    case HttpMethod::Get: return "GET";
    case HttpMethod::Put: return "PUT";
    case HttpMethod::Post: return "POST";
    case HttpMethod::Patch: return "PATCH";
    case HttpMethod::Delete: return "DELETE";
  }
  return "GET";
}

const char* transportErrorName(TransportError error) {
  switch (error) {
    case TransportError::None: return "none";
    case TransportError::ConnectFailed: return "connect-failed";
    case TransportError::Timeout: return "timeout";
    case TransportError::Tls: return "tls";
    case TransportError::Other: return "other";
  }
  return "other";
}

}  // namespace iotkit
