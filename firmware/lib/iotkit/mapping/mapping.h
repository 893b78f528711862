// IR reading -> servo angle. Same rule as @iotkit/mapping (packages/mapping/vectors.json is the
// shared test table): clamp, then round half up in integer arithmetic. Arduino map() is not used
// because it truncates, does not clamp, and overflows silently with 32-bit long on the ESP32.
#pragma once

#include <cstdint>

namespace iotkit {

enum class MapStatus : uint8_t { Ok, InvalidCalibration, InvalidReading };

/** Stable code matching the TypeScript side, e.g. "mapping/invalid-calibration". */
const char* mapStatusCode(MapStatus status);

struct Calibration {
  int32_t rawMin = 0;
  int32_t rawMax = 4095;
  int32_t angleMin = 0;
  int32_t angleMax = 180;
  bool inverted = false;
};

struct MapResult {
  MapStatus status = MapStatus::Ok;
  /** Static text naming the field and the problem; "" when Ok. */
  const char* message = "";
};

/** Checks `0 <= rawMin < rawMax <= 4095` and `0 <= angleMin < angleMax <= 180`. */
MapResult validateCalibration(const Calibration& calibration);

/**
 * Builds a calibration from numbers that may be fractional or non-finite (e.g. parsed JSON),
 * rejecting anything that is not an integer before validating the ranges.
 */
MapResult calibrationFromNumbers(double rawMin, double rawMax, double angleMin, double angleMax,
                                 bool inverted, Calibration& out);

/** Maps a raw reading (clamped into [rawMin, rawMax] first) to an angle. */
MapResult mapReading(const Calibration& calibration, int32_t raw, int32_t& angle);

/** Same, for a reading that arrived as a number: NaN, infinities and fractions are rejected. */
MapResult mapReadingNumber(const Calibration& calibration, double raw, int32_t& angle);

}  // namespace iotkit
