import { describe, expect, it } from 'vitest';
import { OS_PACKAGES, REQUIREMENTS } from '../../src/os/requirements.js';
import { hostProbe, type SystemProbe } from '../../src/os/system-probe.js';

const mosquitto = REQUIREMENTS.find((r) => r.name === 'Mosquitto');

describe('doctor: Mosquitto', () => {
  it('is installed by os-deps with its command-line clients', () => {
    expect(OS_PACKAGES).toEqual(expect.arrayContaining(['mosquitto', 'mosquitto-clients']));
    expect(mosquitto?.debianInstall).toContain('apt-get install -y mosquitto mosquitto-clients');
  });

  it('finds Debian mosquitto on this machine', () => {
    expect(mosquitto?.check(hostProbe(process.env))).toEqual({ ok: true, detail: '/usr/sbin/mosquitto' });
  });

  it('says where it looked when mosquitto is missing', () => {
    const nothing: SystemProbe = { ...hostProbe(process.env), exists: () => false };
    expect(mosquitto?.check(nothing)).toEqual({
      ok: false,
      detail: 'mosquitto not found (/usr/sbin/mosquitto)',
    });
  });

  it('asks for the libmosquitto headers the virtual devices link against, found by pkg-config', () => {
    const library = REQUIREMENTS.find((r) => r.name === 'libmosquitto (dev)');
    expect(OS_PACKAGES).toContain('libmosquitto-dev');
    expect(library?.debianInstall).toContain('apt-get install -y libmosquitto-dev');
    expect(library?.check(hostProbe(process.env)).ok).toBe(true);
    const nothing: SystemProbe = {
      ...hostProbe(process.env),
      exists: () => false,
      run: () => ({ ok: false, output: '' }),
    };
    expect(library?.check(nothing)).toEqual({ ok: false, detail: 'mosquitto.h not found' });
  });
});
