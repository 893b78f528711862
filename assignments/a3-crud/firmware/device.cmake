# Assignment 3's virtual device: <build>/devices/a3-device (discovered by firmware/CMakeLists.txt).
set(A3_APP_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/src/app/a3_app.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/app/a3_menu.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/app/a3_settings.cpp)
iotkit_add_device(NAME a3 SOURCES ${A3_APP_SOURCES} INCLUDE_DIRS ${CMAKE_CURRENT_LIST_DIR}/src/app)
iotkit_add_tests(NAME a3
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test/test_app/test_a3_menu.cpp
          ${CMAKE_CURRENT_LIST_DIR}/test/test_app/test_a3_settings.cpp
          ${CMAKE_CURRENT_LIST_DIR}/src/app/a3_menu.cpp
          ${CMAKE_CURRENT_LIST_DIR}/src/app/a3_settings.cpp)
