#include "iotkit/mapping/mapping.h"

#include <cmath>

namespace iotkit {

namespace {

constexpr int32_t kRawLimit = 4095;
constexpr int32_t kAngleLimit = 180;

MapResult fail(MapStatus status, const char* message) { return MapResult{status, message}; }

bool isInteger(double value) { return std::isfinite(value) && std::floor(value) == value; }

}  // namespace

const char* mapStatusCode(MapStatus status) {
  switch (status) {
    case MapStatus::Ok: return "ok";
    case MapStatus::InvalidCalibration: return "mapping/invalid-calibration";
    case MapStatus::InvalidReading: return "mapping/invalid-reading";
  }
  return "ok";
}

MapResult validateCalibration(const Calibration& c) {
  const MapStatus bad = MapStatus::InvalidCalibration;
  if (c.rawMin < 0) return fail(bad, "rawMin must be >= 0");
  if (c.rawMax > kRawLimit) return fail(bad, "rawMax must be <= 4095");
  if (c.rawMin >= c.rawMax) return fail(bad, "rawMin must be less than rawMax");
  if (c.angleMin < 0) return fail(bad, "angleMin must be >= 0");
  if (c.angleMax > kAngleLimit) return fail(bad, "angleMax must be <= 180");
  if (c.angleMin >= c.angleMax) return fail(bad, "angleMin must be less than angleMax");
  return MapResult{};
}

MapResult calibrationFromNumbers(double rawMin, double rawMax, double angleMin, double angleMax,
                                 bool inverted, Calibration& out) {
  const MapStatus bad = MapStatus::InvalidCalibration;
  // Range-check before the cast: converting an out-of-range double to int32 is undefined.
  if (!isInteger(rawMin) || rawMin < -1e9 || rawMin > 1e9) return fail(bad, "rawMin must be an integer");
  if (!isInteger(rawMax) || rawMax < -1e9 || rawMax > 1e9) return fail(bad, "rawMax must be an integer");
  if (!isInteger(angleMin) || angleMin < -1e9 || angleMin > 1e9) return fail(bad, "angleMin must be an integer");
  if (!isInteger(angleMax) || angleMax < -1e9 || angleMax > 1e9) return fail(bad, "angleMax must be an integer");
  Calibration c;
  c.rawMin = static_cast<int32_t>(rawMin);
  c.rawMax = static_cast<int32_t>(rawMax);
  c.angleMin = static_cast<int32_t>(angleMin);
  c.angleMax = static_cast<int32_t>(angleMax);
  c.inverted = inverted;
  const MapResult result = validateCalibration(c);
  if (result.status == MapStatus::Ok) out = c;
  return result;
}

MapResult mapReading(const Calibration& c, int32_t raw, int32_t& angle) {
  const MapResult valid = validateCalibration(c);
  if (valid.status != MapStatus::Ok) return valid;
  int32_t r = raw;
  if (r < c.rawMin) r = c.rawMin;
  if (r > c.rawMax) r = c.rawMax;
  const int32_t span = c.inverted ? c.rawMax - r : r - c.rawMin;
  const int32_t rawRange = c.rawMax - c.rawMin;
  const int32_t angleRange = c.angleMax - c.angleMin;
  // All terms are non-negative and 2*4095*180+4095 < 2^31, so int32 is exact; integer division
  // of non-negative numbers is floor, which makes this round-half-up.
  angle = c.angleMin + (2 * span * angleRange + rawRange) / (2 * rawRange);
  return MapResult{};
}

MapResult mapReadingNumber(const Calibration& c, double raw, int32_t& angle) {
  const MapResult valid = validateCalibration(c);
  if (valid.status != MapStatus::Ok) return valid;
  if (!std::isfinite(raw)) return fail(MapStatus::InvalidReading, "reading must be a finite number");
  if (std::floor(raw) != raw) return fail(MapStatus::InvalidReading, "reading must be an integer");
  // Clamp in double space first so a huge value never overflows the int32 cast.
  double clamped = raw;
  if (clamped < -1.0) clamped = -1.0;
  if (clamped > kRawLimit + 1.0) clamped = kRawLimit + 1.0;
  return mapReading(c, static_cast<int32_t>(clamped), angle);
}

}  // namespace iotkit
