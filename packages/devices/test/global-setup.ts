// Builds the firmware once before any test file runs (incremental: a no-op when up to date).
import { buildFirmware } from '../src/index.js';

export default async function setup(): Promise<void> {
  await buildFirmware();
}
