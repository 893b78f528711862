# Assignment 2's virtual device: <build>/devices/a2-device (discovered by firmware/CMakeLists.txt).
iotkit_add_device(NAME a2
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/src/app/a2_app.cpp ${CMAKE_CURRENT_LIST_DIR}/src/app/a2_settings.cpp
  INCLUDE_DIRS ${CMAKE_CURRENT_LIST_DIR}/src/app)
iotkit_add_tests(NAME a2 SOURCES ${CMAKE_CURRENT_LIST_DIR}/test/test_app/test_a2_settings.cpp ${CMAKE_CURRENT_LIST_DIR}/src/app/a2_settings.cpp)
