# Assignment 4's virtual device: <build>/devices/a4-device (discovered by firmware/CMakeLists.txt).
iotkit_add_device(NAME a4
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/app/a4_app.cpp ${CMAKE_CURRENT_LIST_DIR}/src/app/a4_settings.cpp
  INCLUDE_DIRS ${CMAKE_CURRENT_LIST_DIR}/src/app)
iotkit_add_tests(NAME a4 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test/test_app/test_a4_settings.cpp ${CMAKE_CURRENT_LIST_DIR}/src/app/a4_settings.cpp)
