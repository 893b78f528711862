import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, REQUIREMENTS } from '../src/index.js';
import { runCli } from '../src/run-cli.js';
import { recordingIo } from './helpers/cli-io.js';
import { runIotkit } from './helpers/run-iotkit.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

// A PATH with nothing but node on it: every other tool looks missing, for real.
const emptyBin = mkdtempSync(join(tmpdir(), 'iotkit-path-'));
symlinkSync(process.execPath, join(emptyBin, 'node'));
const barePath = { ...process.env, PATH: emptyBin };
afterAll(() => rmSync(emptyBin, { recursive: true, force: true }));

describe('iotkit (as a process)', () => {
  it('--help lists every registered command', async () => {
    const { code, stdout } = await runIotkit(['--help']);
    expect(code).toBe(0);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const command of COMMANDS) {
      expect(stdout).toMatch(new RegExp(`^  ${command.name} +${escape(command.summary)}$`, 'm'));
    }
  });

  it('start --help prints its usage and exits 0', async () => {
    const { code, stdout } = await runIotkit(['start', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: pnpm iotkit start');
  });

  // Every other command's help through the same dispatcher, in this process: one process start
  // per command would cost a couple of seconds each and prove nothing more.
  it.each(COMMANDS.map((c) => c.name))('%s --help prints its usage and exits 0', async (name) => {
    const io = recordingIo(repoRoot, process.env);
    expect(await runCli([name, '--help'], COMMANDS, io)).toBe(0);
    const stdout = io.outLines.join('\n');
    expect(stdout).toContain(`Usage: pnpm iotkit ${name}`);
    expect(stdout).toMatch(/-h, --help +show this help/);
  });

  it('rejects an unknown command with exit status 2', async () => {
    const { code, stderr } = await runIotkit(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
  });

  it('rejects an unknown flag with exit status 2', async () => {
    const { code, stderr } = await runIotkit(['doctor', '--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('doctor has no option --frobnicate');
  });

  it('doctor prints one ✓/✗ line per requirement and exits 0 on a machine set up by os-deps', async () => {
    const { code, stdout } = await runIotkit(['doctor']);
    const checks = stdout.split('\n').filter((line) => /^[✓✗-] /.test(line));
    expect(checks).toHaveLength(REQUIREMENTS.length);
    REQUIREMENTS.forEach((r, i) => expect(checks[i]).toContain(r.name));
    // `pnpm os-deps` (which CI runs before the tests) installs every required tool, so none may be
    // missing here, whatever doctor itself concludes; its output names what to install if one is.
    expect(
      checks.filter((line) => line.startsWith('✗')),
      `required tools missing; run pnpm os-deps:\n${stdout}`,
    ).toEqual([]);
    expect(code, stdout).toBe(0);
  });

  it('doctor names missing tools with their Debian and macOS install lines', async () => {
    const { code, stdout } = await runIotkit(['doctor'], barePath);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^✗ g\+\+ +g\+\+ not found on PATH/m);
    expect(stdout).toMatch(/^✗ cmake /m);
    expect(stdout).toMatch(/^✗ pnpm 12\.4\.2 +pnpm not found/m);
    expect(stdout).toContain('Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y g++');
    expect(stdout).toContain('macOS:         brew install cmake');
    expect(stdout).toContain('Debian/Ubuntu: npm install -g pnpm@12.4.2');
    expect(stdout).toMatch(/required tool\(s\) missing/);
  });

  it('setup --dry-run prints the exact install commands and changes nothing', async () => {
    const { code, stdout, stderr } = await runIotkit(['setup', '--dry-run'], barePath);
    expect(code).toBe(0);
    expect(stderr).toContain('warning: nothing installed (dry run)');
    expect(stdout).toMatch(
      /Debian\/Ubuntu: sudo apt-get update && sudo apt-get install -y g\+\+ cmake pkg-config/,
    );
    expect(stdout).toMatch(/macOS: +xcode-select --install && brew install cmake/);
  });

  it('keeps doctor and setup working when another command cannot be loaded', () => {
    // A copy of the CLI whose command list throws on import, as a broken package would.
    const copy = mkdtempSync(join(tmpdir(), 'iotkit-broken-'));
    try {
      cpSync(fileURLToPath(new URL('../src', import.meta.url)), copy, { recursive: true });
      writeFileSync(join(copy, 'package.json'), '{ "type": "module" }\n');
      writeFileSync(join(copy, 'commands', 'index.ts'), "throw new Error('a package is broken');\n");
      const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
      const run = spawnSync(process.execPath, [tsx, join(copy, 'main.ts'), '--help'], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(
        'commands failed to load (a package is broken); only doctor and setup are available',
      );
      expect(run.stdout).toMatch(/^ {2}doctor /m);
      expect(run.stdout).not.toMatch(/^ {2}start /m);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
