import type { Command } from '../command.js';
import { REQUIREMENTS } from '../os/requirements.js';
import { hostProbe } from '../os/system-probe.js';

/** `iotkit doctor`: checks the tools the kit needs and says how to install what is missing. */
export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check Node, pnpm and the OS tools the kit needs; print install lines for what is missing',
  usage: [
    'Usage: pnpm iotkit doctor',
    '',
    'Checks Node, pnpm, g++, cmake, pkg-config, libcurl, cJSON, Mosquitto, googletest, Chromium and (optionally)',
    'bubblewrap (the grading sandbox: whether it is installed and can start here) and Java.',
    'Every missing tool is printed with the exact install line for Debian/Ubuntu and macOS.',
    'Exits 1 when a required tool is missing, 0 otherwise. `pnpm os-deps` installs the OS packages.',
  ].join('\n'),
  async run(_args, io) {
    const probe = hostProbe(io.env);
    let missingRequired = 0;
    const fixes: string[] = [];
    for (const requirement of REQUIREMENTS) {
      const result = requirement.check(probe);
      const mark = result.ok ? '✓' : requirement.required ? '✗' : '-';
      io.out(`${mark} ${requirement.name.padEnd(20)} ${result.detail}`);
      if (!result.ok) {
        if (requirement.required) missingRequired += 1;
        fixes.push(
          `${requirement.name} (${requirement.required ? 'required' : 'optional'}: ${requirement.neededFor})`,
          `    Debian/Ubuntu: ${requirement.debianInstall}`,
          `    macOS:         ${requirement.macInstall}`,
        );
      }
    }
    if (fixes.length > 0) {
      io.out('');
      io.out('To install what is missing:');
      for (const line of fixes) io.out(`  ${line}`);
    }
    io.out('');
    io.out(
      missingRequired === 0
        ? 'doctor: everything the kit needs is installed.'
        : `doctor: ${missingRequired} required tool(s) missing; \`pnpm os-deps\` installs the OS packages.`,
    );
    return missingRequired === 0 ? 0 : 1;
  },
};
