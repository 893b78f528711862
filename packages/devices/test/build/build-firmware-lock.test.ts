import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFirmware, firmwareDir } from '../../src/index.js';
import { endedPid } from './ended-process.js';

describe('buildFirmware and the firmware build lock', () => {
  it('takes over the lock of a build that was killed instead of waiting 20 minutes', async () => {
    const lockDir = join(firmwareDir(), 'build', '.build-lock');
    const pid = endedPid();
    // Plant the lock as a killed build leaves it; if a real build holds it, wait for that first.
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      try {
        mkdirSync(lockDir);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    writeFileSync(join(lockDir, 'owner'), `${pid} 123 node scripts/cmake-build.mjs --test`);
    const result = await buildFirmware();
    expect(result.output).toContain(`took over the build lock of pid ${pid}, which is no longer running`);
  });
});
