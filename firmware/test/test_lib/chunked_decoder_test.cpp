#include <gtest/gtest.h>

#include <string>

#include "iotkit/net/chunked_decoder.h"

namespace {

const std::string kBody = "5\r\nevent\r\n1a;ext=1\r\n: put\ndata: {\"a\":1}\n\n12345\r\n0\r\nX-T: 1\r\n\r\n";
const std::string kPayload = "event: put\ndata: {\"a\":1}\n\n12345";

std::string decodeInPieces(const std::string& body, size_t piece, size_t outCapacity, iotkit::ChunkedDecoder& d) {
  std::string result;
  char out[64];
  for (size_t pos = 0; pos < body.size();) {
    const size_t n = std::min(piece, body.size() - pos);
    size_t offset = 0;
    while (offset < n) {
      size_t consumed = 0;
      const size_t w = d.feed(body.data() + pos + offset, n - offset, out, outCapacity, consumed);
      result.append(out, w);
      offset += consumed;
      if (d.failed() || d.done()) return result;
    }
    pos += n;
  }
  return result;
}

}  // namespace

TEST(ChunkedDecoder, WholeBody) {
  iotkit::ChunkedDecoder d;
  EXPECT_EQ(decodeInPieces(kBody, kBody.size(), 64, d), kPayload);
  EXPECT_TRUE(d.done());
}

TEST(ChunkedDecoder, EveryPieceSizeAndTinyOutputBuffer) {
  for (size_t piece = 1; piece <= kBody.size(); ++piece) {
    for (size_t cap : {1u, 3u, 64u}) {
      iotkit::ChunkedDecoder d;
      ASSERT_EQ(decodeInPieces(kBody, piece, cap, d), kPayload) << piece << "/" << cap;
      ASSERT_TRUE(d.done()) << piece << "/" << cap;
    }
  }
}

TEST(ChunkedDecoder, RejectsGarbage) {
  for (const char* bad : {"zz\r\n", "5\r\nabcdeXY", "\r\n", "5\n", "FFFFFFFFF\r\n"}) {
    iotkit::ChunkedDecoder d;
    decodeInPieces(bad, 1, 64, d);
    EXPECT_TRUE(d.failed()) << bad;
  }
}

TEST(ChunkedDecoder, ResetStartsOver) {
  iotkit::ChunkedDecoder d;
  decodeInPieces("zz", 2, 8, d);
  ASSERT_TRUE(d.failed());
  d.reset();
  EXPECT_EQ(decodeInPieces("2\r\nok\r\n0\r\n\r\n", 4, 8, d), "ok");
}
