# Assignment 1's virtual device: <build>/devices/a1-device (discovered by firmware/CMakeLists.txt).
iotkit_add_device(NAME a1
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/app/a1_app.cpp ${CMAKE_CURRENT_LIST_DIR}/src/app/a1_settings.cpp
  INCLUDE_DIRS ${CMAKE_CURRENT_LIST_DIR}/src/app)
iotkit_add_tests(NAME a1 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test/test_app/test_a1_settings.cpp ${CMAKE_CURRENT_LIST_DIR}/src/app/a1_settings.cpp)
