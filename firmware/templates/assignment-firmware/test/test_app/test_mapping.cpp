// `pio test -e native` runs this with PlatformIO's googletest; the host CMake build runs the
// same file through iotkit_add_tests() in device.cmake.
#include <gtest/gtest.h>

#include "iotkit/mapping/mapping.h"

TEST(AssignmentMapping, MidScaleIsNinetyDegrees) {
  int32_t angle = -1;
  ASSERT_EQ(iotkit::mapReading(iotkit::Calibration{}, 2048, angle).status, iotkit::MapStatus::Ok);
  EXPECT_EQ(angle, 90);
}

#ifndef IOTKIT_GTEST_MAIN_LINKED
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
#endif
