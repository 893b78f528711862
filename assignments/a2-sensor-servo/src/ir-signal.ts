/**
 * A gentle scripted IR signal for the demo: a 20 s sine wave between about 550 and 3550 (raw
 * 12-bit ADC), like a hand slowly moving in front of the sensor. Always an integer.
 */
export function irSignal(elapsedMs: number): number {
  return Math.round(2048 + 1500 * Math.sin((2 * Math.PI * elapsedMs) / 20_000));
}
