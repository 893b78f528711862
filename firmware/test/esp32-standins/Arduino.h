// Stand-in: Arduino-ESP32 core 2.0.17 cores/esp32/Arduino.h (subset used by platform/esp32).
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "HardwareSerial.h"
#include "Print.h"
#include "Stream.h"
#include "WString.h"

#define HIGH 0x1
#define LOW 0x0
#define B00000001 1
#define B00000010 2
#define B00000100 4

typedef bool boolean;
typedef uint8_t byte;
typedef unsigned int word;

unsigned long millis();
unsigned long micros();
void delay(uint32_t ms);

// esp32-hal.h (time, SNTP)
struct tm;
void configTime(long gmtOffset_sec, int daylightOffset_sec, const char* server1, const char* server2 = nullptr,
                const char* server3 = nullptr);
void configTzTime(const char* tz, const char* server1, const char* server2 = nullptr, const char* server3 = nullptr);
bool getLocalTime(struct tm* info, uint32_t ms = 5000);

// esp32-hal-adc.h
typedef enum { ADC_0db, ADC_2_5db, ADC_6db, ADC_11db, ADC_ATTENDB_MAX } adc_attenuation_t;
uint16_t analogRead(uint8_t pin);
void analogReadResolution(uint8_t bits);
void analogSetPinAttenuation(uint8_t pin, adc_attenuation_t attenuation);
