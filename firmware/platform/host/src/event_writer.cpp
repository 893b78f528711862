#include "iotkit/host/event_writer.h"

#include "iotkit/json/json_doc.h"
#include "iotkit/net/url_encode.h"

namespace iotkit::host {

void EventWriter::write(cJSON* event) {
  char* text = cJSON_PrintUnformatted(event);
  if (text != nullptr) {
    std::fputs(text, out_);
    std::fputc('\n', out_);
    std::fflush(out_);
    cJSON_free(text);
  }
  cJSON_Delete(event);
}

namespace {
cJSON* start(const char* type, uint32_t t) {
  cJSON* event = cJSON_CreateObject();
  cJSON_AddStringToObject(event, "type", type);
  cJSON_AddNumberToObject(event, "t", t);
  return event;
}
}  // namespace

void EventWriter::boot(const char* app) {
  cJSON* event = start("boot", clock_.millis());
  cJSON_AddStringToObject(event, "app", app);
  write(event);
}

void EventWriter::lcd(const char* line0, const char* line1) {
  cJSON* event = start("lcd", clock_.millis());
  cJSON* lines = cJSON_AddArrayToObject(event, "lines");
  cJSON_AddItemToArray(lines, cJSON_CreateString(line0));
  cJSON_AddItemToArray(lines, cJSON_CreateString(line1));
  write(event);
}

void EventWriter::servo(int32_t angle) {
  cJSON* event = start("servo", clock_.millis());
  cJSON_AddNumberToObject(event, "angle", angle);
  write(event);
}

void EventWriter::http(const char* method, const std::string& url, int32_t status, uint32_t ms, const char* error) {
  cJSON* event = start("http", clock_.millis());
  cJSON_AddStringToObject(event, "method", method);
  cJSON_AddStringToObject(event, "url", redactQueryParam(url, "auth").c_str());
  cJSON_AddNumberToObject(event, "status", status);
  cJSON_AddNumberToObject(event, "ms", ms);
  if (error != nullptr && error[0] != '\0') cJSON_AddStringToObject(event, "error", error);
  write(event);
}

void EventWriter::log(LogLevel level, const char* message) {
  cJSON* event = start("log", clock_.millis());
  cJSON_AddStringToObject(event, "level", logLevelName(level));
  cJSON_AddStringToObject(event, "msg", message);
  write(event);
}

void EventWriter::mark(int32_t id) {
  cJSON* event = start("mark", clock_.millis());
  cJSON_AddNumberToObject(event, "id", id);
  write(event);
}

}  // namespace iotkit::host
