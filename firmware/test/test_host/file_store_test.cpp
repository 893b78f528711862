#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "iotkit/host/file_store.h"

namespace {

std::string freshPath(const char* name) {
  const std::string path = ::testing::TempDir() + name;
  std::remove(path.c_str());
  return path;
}

std::string fileText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST(FileStore, MissingFileIsAnEmptyStore) {
  iotkit::host::FileStore store(freshPath("iotkit-store-missing.json"));
  std::string value = "untouched";
  EXPECT_FALSE(store.get("refresh_token", value));
  EXPECT_EQ(value, "untouched");
  EXPECT_FALSE(store.remove("refresh_token"));
}

TEST(FileStore, ValuesSurviveANewInstanceLikeAReboot) {
  const std::string path = freshPath("iotkit-store-reboot.json");
  {
    iotkit::host::FileStore store(path);
    ASSERT_TRUE(store.put("refresh_token", "r1"));
    ASSERT_TRUE(store.put("refresh_token", "r2"));
    ASSERT_TRUE(store.put("other", "quote \" and \\ slash"));
  }
  iotkit::host::FileStore again(path);
  std::string value;
  ASSERT_TRUE(again.get("refresh_token", value));
  EXPECT_EQ(value, "r2");
  ASSERT_TRUE(again.get("other", value));
  EXPECT_EQ(value, "quote \" and \\ slash");
  EXPECT_TRUE(again.remove("other"));
  EXPECT_FALSE(again.get("other", value));
  EXPECT_EQ(fileText(path), "{\"refresh_token\":\"r2\"}\n");
}

TEST(FileStore, SeesWhatAnotherProgramWroteSinceTheLastRead) {
  const std::string path = freshPath("iotkit-store-external.json");
  iotkit::host::FileStore store(path);
  std::string value;
  EXPECT_FALSE(store.get("token_handoff", value));
  {
    std::ofstream out(path);
    out << "{\"token_handoff\":\"{}\"}";
  }
  ASSERT_TRUE(store.get("token_handoff", value));
  EXPECT_EQ(value, "{}");
}

TEST(FileStore, MalformedFileReadsAsEmptyAndIsReplacedOnWrite) {
  const std::string path = freshPath("iotkit-store-bad.json");
  {
    std::ofstream out(path);
    out << "[not an object";
  }
  iotkit::host::FileStore store(path);
  std::string value;
  EXPECT_FALSE(store.get("refresh_token", value));
  ASSERT_TRUE(store.put("refresh_token", "r"));
  EXPECT_EQ(fileText(path), "{\"refresh_token\":\"r\"}\n");
}

TEST(FileStore, RejectsNullAndEmptyKeys) {
  iotkit::host::FileStore store(freshPath("iotkit-store-keys.json"));
  std::string value;
  EXPECT_FALSE(store.put("", "v"));
  EXPECT_FALSE(store.put(nullptr, "v"));
  EXPECT_FALSE(store.put("k", nullptr));
  EXPECT_FALSE(store.get(nullptr, value));
}

TEST(FileStore, UnwritableLocationFailsCleanly) {
  iotkit::host::FileStore store("/nonexistent-dir-for-iotkit/store.json");
  EXPECT_FALSE(store.put("refresh_token", "r"));
}
