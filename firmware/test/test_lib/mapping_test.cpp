#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "iotkit/json/json_doc.h"
#include "iotkit/mapping/mapping.h"

using iotkit::Calibration;
using iotkit::MapStatus;

namespace {

int32_t mapOrDie(const Calibration& c, int32_t raw) {
  int32_t angle = -1;
  const auto r = iotkit::mapReading(c, raw, angle);
  EXPECT_EQ(r.status, MapStatus::Ok) << r.message;
  return angle;
}

}  // namespace

TEST(MapReading, DefaultScaleRoundsHalfUpWhereMapTruncates) {
  Calibration c;
  EXPECT_EQ(mapOrDie(c, 0), 0);
  EXPECT_EQ(mapOrDie(c, 4095), 180);
  EXPECT_EQ(mapOrDie(c, 2048), 90);  // 90.02
  EXPECT_EQ(mapOrDie(c, 4094), 180);  // 179.96: map() would give 179
  EXPECT_EQ(mapOrDie(c, 12), 1);      // 0.527 rounds up
  EXPECT_EQ(mapOrDie(c, 11), 0);      // 0.483 rounds down
}

TEST(MapReading, ClampsOutOfRangeReadings) {
  Calibration c{1000, 3000, 10, 170, false};
  EXPECT_EQ(mapOrDie(c, -5), 10);
  EXPECT_EQ(mapOrDie(c, 500), 10);
  EXPECT_EQ(mapOrDie(c, 4100), 170);
  EXPECT_EQ(mapOrDie(c, 2000), 90);
}

TEST(MapReading, InvertedSwapsTheEnds) {
  Calibration c{0, 4095, 0, 180, true};
  EXPECT_EQ(mapOrDie(c, 0), 180);
  EXPECT_EQ(mapOrDie(c, 4095), 0);
  EXPECT_EQ(mapOrDie(c, 4094), 0);
}

TEST(MapReading, ExactHalfRoundsUp) {
  // rawRange 2, angleRange 1: r=1 gives exactly 0.5.
  Calibration c{0, 2, 0, 1, false};
  EXPECT_EQ(mapOrDie(c, 1), 1);
}

TEST(ValidateCalibration, RejectsEachBadFieldWithItsName) {
  struct Row {
    Calibration c;
    const char* field;
  };
  const Row rows[] = {
      {{-1, 4095, 0, 180, false}, "rawMin"},   {{0, 4096, 0, 180, false}, "rawMax"},
      {{100, 100, 0, 180, false}, "rawMin"},   {{200, 100, 0, 180, false}, "rawMin"},
      {{0, 4095, -1, 180, false}, "angleMin"}, {{0, 4095, 0, 181, false}, "angleMax"},
      {{0, 4095, 90, 90, false}, "angleMin"},
  };
  for (const Row& row : rows) {
    const auto r = iotkit::validateCalibration(row.c);
    EXPECT_EQ(r.status, MapStatus::InvalidCalibration) << row.field;
    EXPECT_NE(std::string(r.message).find(row.field), std::string::npos) << r.message;
    int32_t angle = 77;
    EXPECT_EQ(iotkit::mapReading(row.c, 5, angle).status, MapStatus::InvalidCalibration);
    EXPECT_EQ(angle, 77) << "output must be untouched on error";
  }
}

TEST(CalibrationFromNumbers, RejectsFractionsAndNonFinite) {
  Calibration out;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(iotkit::calibrationFromNumbers(0.5, 4095, 0, 180, false, out).status, MapStatus::InvalidCalibration);
  EXPECT_EQ(iotkit::calibrationFromNumbers(0, nan, 0, 180, false, out).status, MapStatus::InvalidCalibration);
  EXPECT_EQ(iotkit::calibrationFromNumbers(0, 4095, -inf, 180, false, out).status, MapStatus::InvalidCalibration);
  EXPECT_EQ(iotkit::calibrationFromNumbers(0, 4095, 0, 1e300, false, out).status, MapStatus::InvalidCalibration);
  ASSERT_EQ(iotkit::calibrationFromNumbers(10, 20, 30, 40, true, out).status, MapStatus::Ok);
  EXPECT_EQ(out.rawMin, 10);
  EXPECT_EQ(out.angleMax, 40);
  EXPECT_TRUE(out.inverted);
}

TEST(MapReadingNumber, RejectsNanInfinityAndFractions) {
  Calibration c;
  int32_t angle = 0;
  EXPECT_EQ(iotkit::mapReadingNumber(c, std::nan(""), angle).status, MapStatus::InvalidReading);
  EXPECT_EQ(iotkit::mapReadingNumber(c, INFINITY, angle).status, MapStatus::InvalidReading);
  EXPECT_EQ(iotkit::mapReadingNumber(c, 12.5, angle).status, MapStatus::InvalidReading);
  ASSERT_EQ(iotkit::mapReadingNumber(c, 1e12, angle).status, MapStatus::Ok);
  EXPECT_EQ(angle, 180);
  ASSERT_EQ(iotkit::mapReadingNumber(c, -1e12, angle).status, MapStatus::Ok);
  EXPECT_EQ(angle, 0);
}

TEST(MapReading, ReadingsClosestToAHalfDegreeRoundTheRightWay) {
  // Worked out by hand: raw * 180 / 4095 = raw * 4 / 91.
  Calibration c;
  EXPECT_EQ(mapOrDie(c, 34), 1);      // 136 / 91 = 1.4945
  EXPECT_EQ(mapOrDie(c, 57), 3);      // 228 / 91 = 2.5055
  EXPECT_EQ(mapOrDie(c, 1035), 45);   // 4140 / 91 = 45.4945
  EXPECT_EQ(mapOrDie(c, 1058), 47);   // 4232 / 91 = 46.5055
  EXPECT_EQ(mapOrDie(c, 4072), 179);  // 16288 / 91 = 178.989
}

TEST(MapReading, FullTableAgreesWithFloatingPointRounding) {
  // An oracle that shares nothing with the integer code: the real quotient, rounded in floating
  // point. It is exact here, since raw * 4 / 91 is never within 1/182 of a half.
  Calibration c{0, 4095, 0, 180, false};
  for (int32_t raw = 0; raw <= 4095; ++raw) {
    const long expected = std::lround(static_cast<double>(raw) * 180.0 / 4095.0);
    ASSERT_EQ(mapOrDie(c, raw), expected) << raw;
  }
}

// --- the shared vectors -----------------------------------------------------------------------

namespace {

double numberField(const cJSON* node, const char* key, bool& ok) {
  const cJSON* item = cJSON_GetObjectItemCaseSensitive(node, key);
  if (cJSON_IsNumber(item)) return item->valuedouble;
  if (cJSON_IsString(item)) {
    const std::string s = item->valuestring;
    if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (s == "Infinity") return std::numeric_limits<double>::infinity();
    if (s == "-Infinity") return -std::numeric_limits<double>::infinity();
  }
  ok = false;
  return 0;
}

iotkit::MapResult runVector(const cJSON* vector, int32_t& angle, bool& ok) {
  const cJSON* cal = cJSON_GetObjectItemCaseSensitive(vector, "calibration");
  const double rawMin = numberField(cal, "rawMin", ok);
  const double rawMax = numberField(cal, "rawMax", ok);
  const double angleMin = numberField(cal, "angleMin", ok);
  const double angleMax = numberField(cal, "angleMax", ok);
  const cJSON* inverted = cJSON_GetObjectItemCaseSensitive(cal, "inverted");
  if (!cJSON_IsBool(inverted)) ok = false;
  const double raw = numberField(vector, "raw", ok);
  Calibration c;
  const auto built = iotkit::calibrationFromNumbers(rawMin, rawMax, angleMin, angleMax, cJSON_IsTrue(inverted), c);
  if (built.status != MapStatus::Ok) return built;
  return iotkit::mapReadingNumber(c, raw, angle);
}

}  // namespace

TEST(MappingVectors, CppAgreesWithEveryVectorInPackagesMapping) {
  std::ifstream file(IOTKIT_MAPPING_VECTORS);
  ASSERT_TRUE(file.good()) << "cannot read " << IOTKIT_MAPPING_VECTORS
                           << " (written by @iotkit/mapping; both implementations must read the same file)";
  std::stringstream text;
  text << file.rdbuf();
  iotkit::JsonDoc doc;
  ASSERT_TRUE(doc.parse(text.str())) << "vectors.json is not valid JSON";
  const cJSON* cases = cJSON_GetObjectItemCaseSensitive(doc.root(), "cases");
  const cJSON* invalid = cJSON_GetObjectItemCaseSensitive(doc.root(), "invalid");
  ASSERT_TRUE(cJSON_IsArray(cases));
  ASSERT_TRUE(cJSON_IsArray(invalid));
  ASSERT_GE(cJSON_GetArraySize(cases), 10) << "expected a real table of vectors";
  ASSERT_GE(cJSON_GetArraySize(invalid), 1);

  int checked = 0;
  const cJSON* vector = nullptr;
  cJSON_ArrayForEach(vector, cases) {
    std::string name;
    iotkit::jsonString(vector, "name", name);
    bool ok = true;
    int32_t angle = -1;
    const auto r = runVector(vector, angle, ok);
    ASSERT_TRUE(ok) << name << ": malformed vector";
    double expected = -1;
    ASSERT_TRUE(iotkit::jsonNumber(vector, "angle", expected)) << name;
    EXPECT_EQ(r.status, MapStatus::Ok) << name << ": " << r.message;
    EXPECT_EQ(angle, static_cast<int32_t>(expected)) << name;
    ++checked;
  }
  cJSON_ArrayForEach(vector, invalid) {
    std::string name;
    std::string code;
    iotkit::jsonString(vector, "name", name);
    ASSERT_TRUE(iotkit::jsonString(vector, "code", code)) << name;
    bool ok = true;
    int32_t angle = -1;
    const auto r = runVector(vector, angle, ok);
    ASSERT_TRUE(ok) << name << ": malformed vector";
    EXPECT_EQ(std::string(iotkit::mapStatusCode(r.status)), code) << name;
    ++checked;
  }
  RecordProperty("vectors", checked);
}
