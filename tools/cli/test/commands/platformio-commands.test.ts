// `iotkit build|flash|monitor` drive PlatformIO, which cannot be installed on the kit's build
// machines (its registry is unreachable). These tests put a STAND-IN `pio` on PATH
// (test/fixtures/standin-pio/pio): it records its arguments and answers like PlatformIO Core 6.
// They check what the kit asks PlatformIO to do, not that firmware builds for a real ESP32.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { runCli } from '../../src/run-cli.js';
import { recordingIo } from '../helpers/cli-io.js';

const standinDir = fileURLToPath(new URL('../fixtures/standin-pio', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

let root: string;
let home: string;
let log: string;

/** A repository with assignment 2's real platformio.ini, and an empty HOME (no ~/.platformio). */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'iotkit-pio-'));
  home = mkdtempSync(join(tmpdir(), 'iotkit-home-'));
  log = join(root, 'pio-calls.jsonl');
  const firmware = join(root, 'assignments', 'a2-sensor-servo', 'firmware');
  mkdirSync(join(firmware, 'include'), { recursive: true });
  copyFileSync(
    join(repoRoot, 'assignments/a2-sensor-servo/firmware/platformio.ini'),
    join(firmware, 'platformio.ini'),
  );
  writeFileSync(join(firmware, 'include', 'secrets.h'), '#pragma once\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    PATH: `${standinDir}${delimiter}${process.env['PATH'] ?? ''}`,
    HOME: home,
    STANDIN_PIO_LOG: log,
    ...extra,
  };
}

function calls(): { args: string[] }[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { args: string[] });
}

const firmwareDir = (): string => join(root, 'assignments', 'a2-sensor-servo', 'firmware');

describe('iotkit build|flash|monitor (with a stand-in pio)', () => {
  it('build runs pio run for esp32dev in the assignment firmware project', async () => {
    const io = recordingIo(root, env());
    expect(await runCli(['build', 'a2'], COMMANDS, io)).toBe(0);
    expect(calls().map((c) => c.args)).toEqual([
      ['run', '--project-dir', firmwareDir(), '--environment', 'esp32dev'],
    ]);
    expect(io.outLines.join('\n')).toContain('Next: `pnpm iotkit flash a2`');
  });

  it('flash finds the one USB serial port and uploads to it', async () => {
    const io = recordingIo(root, env());
    expect(await runCli(['flash', 'a2-sensor-servo'], COMMANDS, io)).toBe(0);
    expect(calls().map((c) => c.args)).toEqual([
      ['device', 'list', '--json-output'],
      [
        'run',
        '--project-dir',
        firmwareDir(),
        '--environment',
        'esp32dev',
        '--target',
        'upload',
        '--upload-port',
        '/dev/ttyUSB0',
      ],
    ]);
  });

  it('flash and monitor use --port as given, without listing ports', async () => {
    const io = recordingIo(root, env());
    expect(await runCli(['monitor', 'a2', '--port', '/dev/ttyACM3'], COMMANDS, io)).toBe(0);
    expect(calls().map((c) => c.args)).toEqual([
      [
        'device',
        'monitor',
        '--project-dir',
        firmwareDir(),
        '--environment',
        'esp32dev',
        '--port',
        '/dev/ttyACM3',
      ],
    ]);
  });

  it('says to plug the board in when no USB serial port exists', async () => {
    const io = recordingIo(
      root,
      env({ STANDIN_PIO_PORTS: JSON.stringify([{ port: '/dev/ttyS0', description: 'n/a', hwid: 'n/a' }]) }),
    );
    expect(await runCli(['flash', 'a2'], COMMANDS, io)).toBe(1);
    expect(io.errLines.join('\n')).toMatch(
      /no ESP32 found on a USB serial port\. Plug the board in with a data cable/,
    );
    expect(calls().some((c) => c.args[0] === 'run')).toBe(false);
  });

  it('asks for --port when several boards are plugged in', async () => {
    const two = [
      { port: '/dev/ttyUSB0', description: 'CP2102', hwid: 'USB VID:PID=10C4:EA60' },
      { port: '/dev/ttyUSB1', description: 'CH340', hwid: 'USB VID:PID=1A86:7523' },
    ];
    const io = recordingIo(root, env({ STANDIN_PIO_PORTS: JSON.stringify(two) }));
    expect(await runCli(['monitor', 'a2'], COMMANDS, io)).toBe(1);
    expect(io.errLines.join('\n')).toContain(
      'several serial ports could be the board: /dev/ttyUSB0 (CP2102), /dev/ttyUSB1 (CH340)',
    );
  });

  it('reports a failed build with the exit status and where to look', async () => {
    const io = recordingIo(root, env({ STANDIN_PIO_FAIL: '1' }));
    expect(await runCli(['build', 'a2'], COMMANDS, io)).toBe(1);
    expect(io.errLines.join('\n')).toContain(
      'the build of a2 failed (pio exit 1); the first error above says why',
    );
  });

  it('fails clearly, saying how to install it, when pio is missing', async () => {
    const io = recordingIo(root, { PATH: '/nonexistent', HOME: home });
    for (const command of ['build', 'flash', 'monitor']) {
      io.errLines.length = 0;
      expect(await runCli([command, 'a2'], COMMANDS, io)).toBe(1);
      const text = io.errLines.join('\n');
      expect(text).toContain(`cannot ${command} a2: PlatformIO (\`pio\`) is not installed or not on PATH`);
      expect(text).toContain('pipx install platformio');
    }
  });

  it('finds pio where the PlatformIO installer puts it, off PATH', async () => {
    const penv = join(home, '.platformio', 'penv', 'bin');
    mkdirSync(penv, { recursive: true });
    copyFileSync(join(standinDir, 'pio'), join(penv, 'pio'));
    writeFileSync(join(penv, 'package.json'), '{"type":"commonjs"}');
    const io = recordingIo(root, { PATH: process.env['PATH'], HOME: home, STANDIN_PIO_LOG: log });
    expect(await runCli(['build', 'a2'], COMMANDS, io)).toBe(0);
    expect(calls()).toHaveLength(1);
  });

  it('refuses to build without secrets.h, naming the command that writes it', async () => {
    rmSync(join(firmwareDir(), 'include', 'secrets.h'));
    const io = recordingIo(root, env());
    expect(await runCli(['build', 'a2'], COMMANDS, io)).toBe(1);
    expect(io.errLines.join('\n')).toContain(
      'assignments/a2-sensor-servo/firmware/include/secrets.h is missing: run `pnpm iotkit secrets a2` first',
    );
    expect(calls()).toEqual([]);
  });

  it('rejects an unknown assignment, listing those with firmware', async () => {
    const io = recordingIo(root, env());
    expect(await runCli(['build', 'a9'], COMMANDS, io)).toBe(2);
    expect(io.errLines.join('\n')).toContain('no assignment "a9" with a firmware project; choose one of: a2');
    expect(await runCli(['flash'], COMMANDS, io)).toBe(2);
  });
});
