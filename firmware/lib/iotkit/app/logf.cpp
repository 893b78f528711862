#include <cstdarg>
#include <cstdio>

#include "iotkit/app/app.h"

namespace iotkit {

void logf(Logger& logger, LogLevel level, const char* format, ...) {
  char buffer[192];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  logger.log(level, buffer);
}

}  // namespace iotkit
