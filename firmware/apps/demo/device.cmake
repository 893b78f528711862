# The demo virtual device: firmware/build/devices/demo-device
iotkit_add_device(NAME demo SOURCES ${CMAKE_CURRENT_LIST_DIR}/demo_app.cpp)
