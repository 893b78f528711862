// The ESP32's stream code path (SocketStream: the GET written by hand, the response head parsed
// as it arrives, the chunked body decoded) against the real RTDB server, over a POSIX socket in
// place of the ESP32's WiFiClient. Same environment as integration_backend_test.cpp.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "iotkit/auth/auth_client.h"
#include "iotkit/host/curl_transport.h"
#include "iotkit/host/host_clock.h"
#include "iotkit/net/connect_gate.h"
#include "iotkit/net/socket_stream.h"
#include "iotkit/rtdb/rtdb_client.h"
#include "iotkit/rtdb/rtdb_stream.h"
#include "fakes/fakes.h"
#include "posix/posix_socket_link.h"

namespace {

std::string envOr(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

struct Changes : iotkit::RtdbStreamListener {
  void onChange(iotkit::StreamEventKind, const char* path, const cJSON* data) override {
    char* text = cJSON_PrintUnformatted(data);
    seen.push_back(std::string(path) + " " + (text != nullptr ? text : "?"));
    cJSON_free(text);
  }
  std::vector<std::string> seen;
};

}  // namespace

TEST(SocketStreamOnTheRealServer, ReceivesThePutsOfAnAuthenticatedStream) {
  const std::string rtdbUrl = envOr("IOTKIT_RTDB_URL");
  const std::string authUrl = envOr("IOTKIT_AUTH_URL");
  const std::string ns = envOr("IOTKIT_NS");
  ASSERT_FALSE(rtdbUrl.empty() || authUrl.empty() || envOr("IOTKIT_EMAIL").empty())
      << "set IOTKIT_RTDB_URL, IOTKIT_AUTH_URL, IOTKIT_NS, IOTKIT_EMAIL, IOTKIT_PASSWORD "
         "(packages/devices' integration test does this after starting the backend)";
  iotkit::host::HostClock clock;
  iotkit::host::CurlTransport http;
  fakes::MapStore store;
  iotkit::AuthClient auth(http, clock, &store);
  iotkit::AuthConfig config;
  config.authUrl = authUrl;
  config.apiKey = "demo-key";
  auth.configure(config);
  ASSERT_EQ(auth.signInWithPassword(envOr("IOTKIT_EMAIL").c_str(), envOr("IOTKIT_PASSWORD").c_str()),
            iotkit::AuthStatus::Ok)
      << auth.lastError();
  iotkit::RtdbClient rtdb(http, &auth);
  rtdb.configure(rtdbUrl.c_str(), ns.c_str());
  const std::string path = "devices/" + auth.uid() + "/socket-stream";
  iotkit::RtdbResult result;
  ASSERT_EQ(rtdb.put(path.c_str(), "{\"angle\":10}", result), iotkit::RtdbStatus::Ok) << result.error;

  posixlink::PosixSocketLink link;
  iotkit::ConnectGate gate(clock, iotkit::ConnectLimits());
  iotkit::SocketStream transport(link, gate);
  iotkit::RtdbStream stream(transport, rtdb, clock);
  Changes changes;
  ASSERT_EQ(stream.begin(path.c_str(), changes), iotkit::RtdbStatus::Ok);
  auto pumpUntil = [&](size_t count) {
    const uint32_t start = clock.millis();
    while (changes.seen.size() < count && clock.millis() - start < 10000) stream.poll();
  };
  pumpUntil(1);
  ASSERT_GE(changes.seen.size(), 1u) << "stream error: " << transport.lastError();
  EXPECT_EQ(changes.seen[0], "/ {\"angle\":10}");
  ASSERT_EQ(rtdb.put((path + "/angle").c_str(), "135", result), iotkit::RtdbStatus::Ok) << result.error;
  pumpUntil(2);
  ASSERT_GE(changes.seen.size(), 2u);
  EXPECT_EQ(changes.seen[1], "/angle 135");
  EXPECT_TRUE(stream.connected());
  EXPECT_EQ(transport.status(), 200);
  EXPECT_EQ(link.connects, 1);

  // The request as the server got it: the Host header keeps the backend's port.
  iotkit::Origin origin;
  std::string target;
  ASSERT_TRUE(iotkit::parseUrl(rtdbUrl, origin, target));
  EXPECT_NE(link.written.find("\r\nHost: " + origin.host + ":" + std::to_string(origin.port) + "\r\n"), std::string::npos)
      << link.written;
  stream.stop();
}
