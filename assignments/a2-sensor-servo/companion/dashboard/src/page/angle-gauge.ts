/**
 * End point of a half-circle gauge's needle for a servo angle: 0° points left, 90° up, 180°
 * right, like the horn of a servo seen from the front. Angles outside 0–180 are clamped.
 */
export function needleTip(angle: number, cx: number, cy: number, radius: number): { x: number; y: number } {
  const clamped = Math.min(Math.max(angle, 0), 180);
  const radians = Math.PI - (clamped * Math.PI) / 180;
  return { x: cx + radius * Math.cos(radians), y: cy - radius * Math.sin(radians) };
}
