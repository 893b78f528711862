#include "iotkit/net/origin.h"

#include <gtest/gtest.h>

using iotkit::Origin;

TEST(ParseUrl, SplitsSchemeHostPortAndTarget) {
  Origin origin;
  std::string target;
  ASSERT_TRUE(iotkit::parseUrl("http://192.168.1.20:9000/devices/u.json?ns=a2&auth=x", origin, target));
  EXPECT_FALSE(origin.tls);
  EXPECT_EQ(origin.host, "192.168.1.20");
  EXPECT_EQ(origin.port, 9000);
  EXPECT_EQ(target, "/devices/u.json?ns=a2&auth=x");

  ASSERT_TRUE(iotkit::parseUrl("https://demo.firebaseio.com", origin, target));
  EXPECT_TRUE(origin.tls);
  EXPECT_EQ(origin.port, 443);
  EXPECT_EQ(target, "/");

  ASSERT_TRUE(iotkit::parseUrl("http://[::1]:9099?x=1#frag", origin, target));
  EXPECT_EQ(origin.host, "::1");
  EXPECT_EQ(origin.port, 9099);
  EXPECT_EQ(target, "/?x=1");
}

TEST(ParseUrl, RejectsWhatItCannotConnectTo) {
  Origin origin;
  std::string target;
  for (const char* bad : {"ftp://host/", "host:9000/x", "http://", "http://:80/", "http://h:0/", "http://h:70000/",
                          "http://h:9a/", "http://user:pw@h/", "http://h:/x", "http://[::1/"}) {
    EXPECT_FALSE(iotkit::parseUrl(bad, origin, target)) << bad;
  }
}

TEST(HostHeader, CarriesThePortOnlyWhenNotTheSchemeDefault) {
  std::string host;
  iotkit::hostHeader(Origin{false, "192.168.1.20", 9000}, host);
  EXPECT_EQ(host, "192.168.1.20:9000");
  iotkit::hostHeader(Origin{false, "example.com", 80}, host);
  EXPECT_EQ(host, "example.com");
  iotkit::hostHeader(Origin{true, "demo.firebaseio.com", 443}, host);
  EXPECT_EQ(host, "demo.firebaseio.com");
  iotkit::hostHeader(Origin{true, "demo.firebaseio.com", 80}, host);
  EXPECT_EQ(host, "demo.firebaseio.com:80");
  iotkit::hostHeader(Origin{false, "::1", 9000}, host);
  EXPECT_EQ(host, "[::1]:9000");
}
