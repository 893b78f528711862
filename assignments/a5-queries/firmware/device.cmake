# Assignment 5's virtual device: <build>/devices/a5-device (discovered by firmware/CMakeLists.txt).
set(A5_APP_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/src/app/a5_app.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/app/a5_matches.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/app/a5_settings.cpp)
iotkit_add_device(NAME a5 SOURCES ${A5_APP_SOURCES} INCLUDE_DIRS ${CMAKE_CURRENT_LIST_DIR}/src/app)
iotkit_add_tests(NAME a5
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test/test_app/test_a5_matches.cpp
          ${CMAKE_CURRENT_LIST_DIR}/test/test_app/test_a5_settings.cpp
          ${CMAKE_CURRENT_LIST_DIR}/src/app/a5_matches.cpp
          ${CMAKE_CURRENT_LIST_DIR}/src/app/a5_settings.cpp)
