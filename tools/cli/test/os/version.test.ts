import { describe, expect, it } from 'vitest';
import { NODE_MINIMUM, OS_PACKAGES, parseVersion, versionAtLeast } from '../../src/index.js';

describe('parseVersion()', () => {
  it.each([
    ['g++ (Debian 12.2.0-14+deb12u1) 12.2.0', [12, 2, 0]],
    ['cmake version 3.25.1', [3, 25, 1]],
    ['openjdk version "17.0.15" 2025-04-15', [17, 0, 15]],
    ['20.19', [20, 19, 0]],
  ])('reads %j', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });

  it('returns undefined when there is no version', () => {
    expect(parseVersion('command not found')).toBeUndefined();
  });
});

describe('versionAtLeast()', () => {
  it('compares component by component', () => {
    expect(versionAtLeast([20, 19, 0], NODE_MINIMUM)).toBe(true);
    expect(versionAtLeast([20, 20, 2], NODE_MINIMUM)).toBe(true);
    expect(versionAtLeast([22, 0, 0], NODE_MINIMUM)).toBe(true);
    expect(versionAtLeast([20, 18, 9], NODE_MINIMUM)).toBe(false);
    expect(versionAtLeast([18, 99, 99], NODE_MINIMUM)).toBe(false);
  });
});

describe('OS_PACKAGES', () => {
  it('is the Debian package list setup installs', () => {
    expect(OS_PACKAGES).toEqual([
      'g++',
      'cmake',
      'pkg-config',
      'libcurl4-openssl-dev',
      'libcjson-dev',
      'libmosquitto-dev',
      'mosquitto',
      'mosquitto-clients',
      'libgtest-dev',
      'libgmock-dev',
      'chromium',
      'tcpdump',
      'bubblewrap',
    ]);
  });
});
