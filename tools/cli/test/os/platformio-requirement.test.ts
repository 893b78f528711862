// The doctor line for PlatformIO, checked with the STAND-IN `pio` (test/fixtures/standin-pio):
// the real one cannot be installed on the kit's build machines.
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../src/os/requirements.js';
import { hostProbe } from '../../src/os/system-probe.js';

const standinDir = fileURLToPath(new URL('../fixtures/standin-pio', import.meta.url));
const platformio = REQUIREMENTS.find((r) => r.name.startsWith('PlatformIO'));

describe('doctor: PlatformIO', () => {
  it('is an optional requirement with install lines', () => {
    expect(platformio?.required).toBe(false);
    expect(platformio?.debianInstall).toContain('pipx install platformio');
    expect(platformio?.macInstall).toBe('brew install platformio');
  });

  it('reports the version pio prints', () => {
    const probe = hostProbe({ PATH: `${standinDir}${delimiter}${process.env['PATH'] ?? ''}` });
    expect(platformio?.check(probe)).toEqual({ ok: true, detail: 'PlatformIO Core, version 6.1.16' });
  });

  it('says pio is missing when it is not on PATH', () => {
    expect(platformio?.check(hostProbe({ PATH: '/nonexistent' }))).toEqual({
      ok: false,
      detail: 'pio not found on PATH',
    });
  });
});
