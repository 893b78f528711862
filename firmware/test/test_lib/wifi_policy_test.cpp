#include "iotkit/net/wifi_policy.h"

#include <gtest/gtest.h>

using iotkit::WifiAction;
using iotkit::WifiLinkStatus;

TEST(WifiPolicy, LeavesAnAssociationInProgressAndALostLinkToTheCore) {
  iotkit::WifiPolicy policy;
  policy.started(0);
  for (uint32_t t = 0; t <= 120000; t += 100) {
    EXPECT_EQ(policy.poll(WifiLinkStatus::Disconnected, t), WifiAction::None) << t;
    EXPECT_EQ(policy.poll(WifiLinkStatus::Idle, t), WifiAction::None) << t;
    EXPECT_EQ(policy.poll(WifiLinkStatus::Lost, t), WifiAction::None) << t;
  }
}

TEST(WifiPolicy, BeginsAgainOnDefiniteFailuresWithABackOffFromTenSeconds) {
  iotkit::WifiPolicy policy;
  policy.started(0);
  std::vector<uint32_t> begins;
  for (uint32_t t = 0; t <= 200000; t += 100) {
    if (policy.poll(WifiLinkStatus::NoSsid, t) == WifiAction::Begin) begins.push_back(t);
  }
  ASSERT_GE(begins.size(), 4u);
  EXPECT_EQ(begins[0], 10000u);
  EXPECT_EQ(begins[1], 30000u);
  EXPECT_EQ(begins[2], 70000u);
  EXPECT_EQ(begins[3], 150000u);
}

TEST(WifiPolicy, ConnectingResetsTheBackOffAndReportsTheChangeOnce) {
  iotkit::WifiPolicy policy;
  policy.started(0);
  EXPECT_EQ(policy.poll(WifiLinkStatus::ConnectFailed, 10000), WifiAction::Begin);
  EXPECT_EQ(policy.backoffMs(), 20000u);
  policy.poll(WifiLinkStatus::Connected, 12000);
  EXPECT_TRUE(policy.changed());
  EXPECT_TRUE(policy.connected());
  policy.poll(WifiLinkStatus::Connected, 12100);
  EXPECT_FALSE(policy.changed());
  EXPECT_EQ(policy.backoffMs(), 10000u);
  policy.poll(WifiLinkStatus::Lost, 13000);
  EXPECT_TRUE(policy.changed());
  EXPECT_FALSE(policy.connected());
}
