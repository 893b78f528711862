# Host build hook: firmware/CMakeLists.txt includes every assignments/*/firmware/device.cmake.
# Builds firmware/build/devices/aN-device and adds test/ to ctest. List only portable sources
# (src/main.cpp includes Arduino headers and is for PlatformIO only).
iotkit_add_device(NAME aN SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/app.cpp)
iotkit_add_tests(NAME aN SOURCES ${CMAKE_CURRENT_LIST_DIR}/test/test_app/test_mapping.cpp)
