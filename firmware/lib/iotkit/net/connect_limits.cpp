#include "iotkit/net/connect_limits.h"

namespace iotkit {

const char* linkErrorName(LinkError error) {
  switch (error) {
    case LinkError::None: return "none";
    case LinkError::ConnectFailed: return "connect-failed";
    case LinkError::Tls: return "tls";
    case LinkError::Timeout: return "timeout";
    case LinkError::Dropped: return "dropped";
  }
  return "dropped";
}

}  // namespace iotkit
