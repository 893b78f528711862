// PlatformIO's googletest runner (`pio test -e native` in firmware/) needs a main(); the CMake
// build links gtest_main instead and defines IOTKIT_GTEST_MAIN_LINKED.
#include <gtest/gtest.h>

#ifndef IOTKIT_GTEST_MAIN_LINKED
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
#endif
