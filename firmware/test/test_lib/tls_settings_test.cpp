#include "iotkit/net/tls_settings.h"

#include <gtest/gtest.h>

TEST(ParseTlsSettings, VerifiesWithTheCoreBundleUnlessToldOtherwise) {
  iotkit::TlsSettings tls;
  std::string problem;
  ASSERT_TRUE(iotkit::parseTlsSettings("{\"rtdbUrl\":\"https://x.firebaseio.com\"}", tls, problem));
  EXPECT_EQ(tls.trust, iotkit::TlsTrust::CoreBundle);
  ASSERT_TRUE(iotkit::parseTlsSettings("{\"tls\":{\"insecure\":false}}", tls, problem));
  EXPECT_EQ(tls.trust, iotkit::TlsTrust::CoreBundle);
}

TEST(ParseTlsSettings, ReadsARootCaOrAnExplicitInsecureOptOut) {
  iotkit::TlsSettings tls;
  std::string problem;
  ASSERT_TRUE(iotkit::parseTlsSettings(
      "{\"tls\":{\"rootCa\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\"}}", tls, problem));
  EXPECT_EQ(tls.trust, iotkit::TlsTrust::RootCa);
  EXPECT_EQ(tls.rootCa.rfind("-----BEGIN CERTIFICATE-----\nMIIB", 0), 0u);
  ASSERT_TRUE(iotkit::parseTlsSettings("{\"tls\":{\"insecure\":true}}", tls, problem));
  EXPECT_EQ(tls.trust, iotkit::TlsTrust::Insecure);
  EXPECT_STREQ(iotkit::tlsTrustName(tls.trust), "NOT VERIFIED");
}

TEST(ParseTlsSettings, NamesTheProblemWithABadValue) {
  iotkit::TlsSettings tls;
  std::string problem;
  EXPECT_FALSE(iotkit::parseTlsSettings("{\"tls\":true}", tls, problem));
  EXPECT_EQ(problem, "config field \"tls\" must be an object");
  EXPECT_FALSE(iotkit::parseTlsSettings("{\"tls\":{\"insecure\":\"yes\"}}", tls, problem));
  EXPECT_EQ(problem, "config field \"tls.insecure\" must be true or false");
  EXPECT_FALSE(iotkit::parseTlsSettings("{\"tls\":{\"rootCa\":\"abc\"}}", tls, problem));
  EXPECT_NE(problem.find("PEM"), std::string::npos);
  EXPECT_FALSE(iotkit::parseTlsSettings(
      "{\"tls\":{\"insecure\":true,\"rootCa\":\"-----BEGIN CERTIFICATE-----\"}}", tls, problem));
  EXPECT_NE(problem.find("choose one"), std::string::npos);
  EXPECT_FALSE(iotkit::parseTlsSettings("not json", tls, problem));
  EXPECT_EQ(tls.trust, iotkit::TlsTrust::CoreBundle);
}
