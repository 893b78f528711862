import type { Command } from '../command.js';

/** `iotkit handout <assignment> --out DIR`: the student starter cut from the reference solution. */
export const handoutCommand: Command = {
  name: 'handout',
  summary: 'make the student starter: strip solutions, drop hidden tests, make it install on its own',
  usage: [
    'Usage: pnpm iotkit handout <assignment> --out DIR',
    '',
    'Copies the assignment to DIR, replacing every BEGIN SOLUTION … END SOLUTION region (C++, TS,',
    "Markdown) with a TODO carrying the marker's hint, dropping grading/hidden/ and its manifest",
    'entries, and rewriting workspace:/catalog: dependencies (kit packages are copied into vendor/',
    'and referenced as file: dependencies) so `npm install` or `pnpm install` works in DIR alone.',
  ].join('\n'),
  options: {
    out: {
      type: 'string',
      short: 'o',
      valueName: 'DIR',
      description: 'where the handout goes (must be new or empty)',
    },
  },
  allowPositionals: true,
  async run(args, io) {
    const { runHandout } = await import('./handout-run.js');
    return runHandout(args, io);
  },
};
