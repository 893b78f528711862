// A live RTDB listener over SSE. poll() is non-blocking: it pulls whatever bytes arrived,
// parses complete events and reports `put`/`patch` changes. The stream reconnects on its own
// with a doubling back-off (1 s .. 30 s), also when no byte (not even the server's keep-alive,
// sent every ~30 s) arrived for `idleTimeoutMs`, and asks the TokenSource for a fresh token on
// every (re)connect, so an `auth_revoked` event is survived once the Auth client refreshes.
// A stream may also listen to a query (RtdbQuery: orderBy, startAt/endAt, limits): the first
// `put` of "/" is the selection, later events carry only the children that entered, changed or
// left it (a `put` of null), with paths relative to the queried node.
#pragma once

#include <cstdint>
#include <string>

#include "iotkit/hal/interfaces.h"
#include "iotkit/json/json_doc.h"
#include "iotkit/net/http_transport.h"
#include "iotkit/rtdb/rtdb_client.h"
#include "iotkit/rtdb/rtdb_query.h"
#include "iotkit/rtdb/sse_parser.h"

namespace iotkit {

enum class StreamEventKind : uint8_t { Put, Patch };

enum class StreamNotice : uint8_t {
  Connected,
  /** The connection dropped or failed; a reconnect is scheduled. */
  Disconnected,
  /** `cancel`: the rules no longer allow this read. The stream stops. */
  Cancelled,
  /** `auth_revoked`: the token expired; the stream reconnects with a fresh one. */
  AuthRevoked,
  /** An event exceeded the parser's buffer and was dropped. */
  Overflow,
  /** An event's data was not the `{path, data}` JSON the RTDB sends. */
  BadEvent,
};

const char* streamNoticeName(StreamNotice notice);

class RtdbStreamListener {
 public:
  virtual ~RtdbStreamListener() = default;
  /** `path` is relative to the streamed node ("/" = the node itself); `data` is the parsed value. */
  virtual void onChange(StreamEventKind kind, const char* path, const cJSON* data) = 0;
  virtual void onNotice(StreamNotice notice, int32_t httpStatus) { (void)notice; (void)httpStatus; }
};

class RtdbStream : private SseHandler {
 public:
  RtdbStream(StreamTransport& transport, RtdbClient& client, Clock& clock, size_t maxEventBytes = 8192);

  /** Starts listening to `path`; connects on the next poll(). */
  RtdbStatus begin(const char* path, RtdbStreamListener& listener);
  /**
   * Starts listening to `query` on `path`; the query is copied and sent again on every reconnect.
   * InvalidArgument when the server would refuse it as a stream: a filter or limit without an
   * orderBy, or `shallow` / `print=silent` (REST-only options).
   */
  RtdbStatus begin(const char* path, const RtdbQuery& query, RtdbStreamListener& listener);
  void stop();
  /** Call every loop. Returns the number of change events delivered. */
  uint32_t poll();

  bool connected() const { return connected_; }
  bool active() const { return active_; }
  uint32_t idleTimeoutMs = 75000;

 private:
  void onSseEvent(const char* event, const char* data, size_t dataLength) override;
  void onSseOverflow() override;
  RtdbStatus start(const char* path, const RtdbQuery* query, RtdbStreamListener& listener);
  void connect(uint32_t now);
  void scheduleReconnect(uint32_t now, StreamNotice notice, int32_t status);

  StreamTransport& transport_;
  RtdbClient& client_;
  Clock& clock_;
  SseParser parser_;
  RtdbStreamListener* listener_ = nullptr;
  std::string path_;
  RtdbQuery query_;
  bool hasQuery_ = false;
  std::string url_;
  bool active_ = false;
  bool connected_ = false;
  bool connecting_ = false;
  uint32_t nextAttemptAt_ = 0;
  uint32_t backoffMs_ = 1000;
  uint32_t lastByteAt_ = 0;
  uint32_t delivered_ = 0;
  bool cancelled_ = false;
  bool reconnectNow_ = false;
  char chunk_[512];
};

}  // namespace iotkit
