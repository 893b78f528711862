// The libmosquitto adapter against a real broker: Debian's mosquitto, started by each test on
// free loopback ports (one anonymous listener, one that refuses anonymous clients).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "iotkit/host/mosquitto_mqtt.h"

namespace {

using iotkit::MqttError;
using iotkit::MqttQos;
using iotkit::MqttState;
using iotkit::host::MosquittoMqtt;

const char* const kMosquittoPaths[] = {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
                                       "/opt/homebrew/sbin/mosquitto"};

const char* findMosquitto() {
  for (const char* path : kMosquittoPaths)
    if (access(path, X_OK) == 0) return path;
  return nullptr;
}

uint16_t freeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(addr);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
    close(fd);
    return 0;
  }
  close(fd);
  return ntohs(addr.sin_port);
}

bool accepts(uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  close(fd);
  return ok;
}

/** Polls the clients until `done` or a generous ceiling; returns whether `done` became true. */
bool pump(const std::vector<MosquittoMqtt*>& clients, const std::function<bool()>& done) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < end) {
    for (MosquittoMqtt* client : clients) client->poll();
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

struct Received : iotkit::MqttListener {
  struct Message {
    std::string topic, payload;
    MqttQos qos;
    bool retained;
  };
  void onMqttMessage(const iotkit::MqttMessage& m) override {
    messages.push_back({m.topic, std::string(reinterpret_cast<const char*>(m.payload), m.length), m.qos, m.retained});
  }
  std::vector<Message> messages;
};

iotkit::MqttConnectOptions options(const char* id, uint16_t port) {
  iotkit::MqttConnectOptions o;
  o.host = "127.0.0.1";
  o.port = port;
  o.clientId = id;
  o.keepAliveSeconds = 10;
  return o;
}

class MosquittoMqttTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* mosquitto = findMosquitto();
    ASSERT_NE(mosquitto, nullptr)
        << "mosquitto not found (/usr/sbin/mosquitto): install it with `sudo apt-get install -y mosquitto` "
           "(Debian/Ubuntu) or `brew install mosquitto` (macOS)";
    open_ = freeLoopbackPort();
    closed_ = freeLoopbackPort();
    ASSERT_NE(open_, 0);
    ASSERT_NE(closed_, 0);
    config_ = ::testing::TempDir() + "iotkit-mosquitto-" + std::to_string(getpid()) + ".conf";
    {
      std::ofstream out(config_);
      out << "per_listener_settings true\n"
          << "listener " << open_ << " 127.0.0.1\nallow_anonymous true\n"
          << "listener " << closed_ << " 127.0.0.1\nallow_anonymous false\n";
    }
    pid_ = fork();
    if (pid_ == 0) {
      execl(mosquitto, mosquitto, "-c", config_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    ASSERT_GT(pid_, 0);
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!accepts(open_) && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(accepts(open_)) << "mosquitto did not start listening on 127.0.0.1:" << open_;
  }

  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    std::remove(config_.c_str());
  }

  pid_t pid_ = -1;
  uint16_t open_ = 0;
  uint16_t closed_ = 0;
  std::string config_;
};

}  // namespace

TEST_F(MosquittoMqttTest, PublishesAtQos1AndASubscriberReceivesIt) {
  MosquittoMqtt subscriber, publisher;
  Received got;
  subscriber.setListener(&got);
  ASSERT_EQ(subscriber.connect(options("sub", open_)), MqttError::None);
  ASSERT_EQ(publisher.connect(options("pub", open_)), MqttError::None);
  EXPECT_EQ(publisher.state(), MqttState::Connecting) << "connect() returns before CONNACK";
  ASSERT_TRUE(pump({&subscriber, &publisher}, [&] {
    return subscriber.state() == MqttState::Connected && publisher.state() == MqttState::Connected;
  })) << subscriber.lastError() << " / " << publisher.lastError();
  ASSERT_EQ(subscriber.subscribe("iotkit/+/ir", MqttQos::AtLeastOnce), MqttError::None);
  // A subscription is in place once the broker routes a message of our own back to us.
  const uint8_t probe[] = {'p'};
  ASSERT_TRUE(pump({&subscriber}, [&] {
    subscriber.publish("iotkit/probe/ir", probe, 1, MqttQos::AtMostOnce, false);
    return !got.messages.empty();
  }));
  got.messages.clear();
  const char payload[] = "{\"ir\":2048}";
  ASSERT_EQ(publisher.publish("iotkit/dev-1/ir", reinterpret_cast<const uint8_t*>(payload), sizeof(payload) - 1,
                              MqttQos::AtLeastOnce, false),
            MqttError::None);
  // Probes sent while the subscription was on its way may still arrive: look for ours.
  std::vector<Received::Message> ours;
  ASSERT_TRUE(pump({&subscriber, &publisher}, [&] {
    ours.clear();
    for (const auto& m : got.messages)
      if (m.topic == "iotkit/dev-1/ir") ours.push_back(m);
    return !ours.empty() && publisher.acknowledged() > 0;
  }));
  EXPECT_EQ(ours[0].payload, "{\"ir\":2048}");
  EXPECT_EQ(ours[0].qos, MqttQos::AtLeastOnce);
  EXPECT_FALSE(ours[0].retained);
  EXPECT_EQ(publisher.acknowledged(), 1u) << "one PUBACK for one QoS 1 message";
}

TEST_F(MosquittoMqttTest, ARetainedMessageReachesALateSubscriber) {
  MosquittoMqtt publisher;
  ASSERT_EQ(publisher.connect(options("pub", open_)), MqttError::None);
  ASSERT_TRUE(pump({&publisher}, [&] { return publisher.state() == MqttState::Connected; }));
  const uint8_t on[] = {'o', 'n'};
  ASSERT_EQ(publisher.publish("iotkit/dev-1/status", on, 2, MqttQos::AtLeastOnce, true), MqttError::None);
  ASSERT_TRUE(pump({&publisher}, [&] { return publisher.acknowledged() == 1; }));
  MosquittoMqtt late;
  Received got;
  late.setListener(&got);
  ASSERT_EQ(late.connect(options("late", open_)), MqttError::None);
  ASSERT_TRUE(pump({&late}, [&] { return late.state() == MqttState::Connected; }));
  ASSERT_EQ(late.subscribe("iotkit/dev-1/status", MqttQos::AtLeastOnce), MqttError::None);
  ASSERT_TRUE(pump({&late}, [&] { return !got.messages.empty(); }));
  EXPECT_EQ(got.messages[0].payload, "on");
  EXPECT_TRUE(got.messages[0].retained);
}

TEST_F(MosquittoMqttTest, TheWillIsPublishedWhenTheClientVanishesButNotAfterDisconnect) {
  MosquittoMqtt watcher;
  Received got;
  watcher.setListener(&got);
  ASSERT_EQ(watcher.connect(options("watcher", open_)), MqttError::None);
  ASSERT_TRUE(pump({&watcher}, [&] { return watcher.state() == MqttState::Connected; }));
  ASSERT_EQ(watcher.subscribe("iotkit/+/status", MqttQos::AtLeastOnce), MqttError::None);
  auto withWill = [&](const char* id) {
    auto o = options(id, open_);
    o.will.topic = id[0] == 'p' ? "iotkit/polite/status" : "iotkit/gone/status";
    o.will.payload = "offline";
    o.will.retain = false;
    return o;
  };
  {
    MosquittoMqtt polite;
    ASSERT_EQ(polite.connect(withWill("polite")), MqttError::None);
    ASSERT_TRUE(pump({&polite}, [&] { return polite.state() == MqttState::Connected; }));
    polite.disconnect();
    EXPECT_EQ(polite.state(), MqttState::Idle);
  }
  {
    auto gone = std::make_unique<MosquittoMqtt>();
    ASSERT_EQ(gone->connect(withWill("gone")), MqttError::None);
    ASSERT_TRUE(pump({gone.get()}, [&] { return gone->state() == MqttState::Connected; }));
    gone.reset();  // the socket closes without DISCONNECT, like a device losing power
  }
  ASSERT_TRUE(pump({&watcher}, [&] { return !got.messages.empty(); }));
  // The polite client left first; had its will been published it would have arrived first.
  EXPECT_EQ(got.messages[0].topic, "iotkit/gone/status");
  EXPECT_EQ(got.messages[0].payload, "offline");
  EXPECT_EQ(got.messages.size(), 1u);
}

TEST_F(MosquittoMqttTest, ARefusedConnectSaysWhyInTheBrokersWords) {
  MosquittoMqtt client;
  ASSERT_EQ(client.connect(options("anonymous", closed_)), MqttError::None);
  ASSERT_TRUE(pump({&client}, [&] { return client.state() == MqttState::Disconnected; }));
  EXPECT_NE(std::string(client.lastError()).find("not authorised"), std::string::npos) << client.lastError();
  const uint8_t x[] = {'x'};
  EXPECT_EQ(client.publish("a", x, 1, MqttQos::AtMostOnce, false), MqttError::NotConnected);
}

TEST_F(MosquittoMqttTest, NoBrokerOnThePortEndsDisconnectedWithTheSocketError) {
  const uint16_t nothing = freeLoopbackPort();
  MosquittoMqtt client;
  const MqttError error = client.connect(options("lonely", nothing));
  if (error == MqttError::None) {
    ASSERT_TRUE(pump({&client}, [&] { return client.state() == MqttState::Disconnected; }));
  } else {
    EXPECT_EQ(error, MqttError::ConnectFailed);
  }
  EXPECT_EQ(client.state(), MqttState::Disconnected);
  EXPECT_NE(std::string(client.lastError()).find("refused"), std::string::npos) << client.lastError();
}

TEST_F(MosquittoMqttTest, ABrokerThatGoesAwayIsReportedAsALostConnection) {
  MosquittoMqtt client;
  ASSERT_EQ(client.connect(options("dev", open_)), MqttError::None);
  ASSERT_TRUE(pump({&client}, [&] { return client.state() == MqttState::Connected; }));
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  ASSERT_TRUE(pump({&client}, [&] { return client.state() == MqttState::Disconnected; }));
  EXPECT_STRNE(client.lastError(), "");
}
