#include <gtest/gtest.h>

#include "iotkit/net/url_encode.h"

namespace {
std::string encode(const char* text) {
  std::string out;
  iotkit::appendPercentEncoded(out, text);
  return out;
}
}  // namespace

TEST(PercentEncode, UnreservedPassThrough) { EXPECT_EQ(encode("AZaz09-._~"), "AZaz09-._~"); }

TEST(PercentEncode, ReservedAndSpaceAreEncoded) {
  EXPECT_EQ(encode("a b&c=d/e?f#g\"h+"), "a%20b%26c%3Dd%2Fe%3Ff%23g%22h%2B");
}

TEST(PercentEncode, Uf8ffBecomesItsUtf8Bytes) { EXPECT_EQ(encode("b\xEF\xA3\xBF"), "b%EF%A3%BF"); }

TEST(PercentEncode, PathKeepsSlashes) {
  std::string out;
  iotkit::appendEncodedPath(out, "devices/u 1/x");
  EXPECT_EQ(out, "devices/u%201/x");
}

TEST(RedactQueryParam, ReplacesOnlyThatParameter) {
  EXPECT_EQ(iotkit::redactQueryParam("http://h/a.json?ns=x&auth=SECRET&orderBy=1", "auth"),
            "http://h/a.json?ns=x&auth=<redacted>&orderBy=1");
  EXPECT_EQ(iotkit::redactQueryParam("http://h/a.json?auth=S", "auth"), "http://h/a.json?auth=<redacted>");
  EXPECT_EQ(iotkit::redactQueryParam("http://h/a.json?xauth=S", "auth"), "http://h/a.json?xauth=S");
  EXPECT_EQ(iotkit::redactQueryParam("http://h/auth=x.json", "auth"), "http://h/auth=x.json");
}
