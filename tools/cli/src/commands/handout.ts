import { resolve } from 'node:path';
import { GraderError, makeHandout, resolveAssignmentDir } from '@iotkit/grader';
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
    const ref = args.positionals[0];
    if (ref === undefined || typeof args.values.out !== 'string') {
      io.err('iotkit: usage: pnpm iotkit handout <assignment> --out DIR');
      return 2;
    }
    try {
      const outDir = resolve(args.values.out);
      const report = makeHandout({ assignmentDir: resolveAssignmentDir(ref, io.root), outDir });
      io.out(`handout written to ${outDir}: ${report.files} files`);
      for (const s of report.stripped) io.out(`  stripped ${s.regions} solution region(s) from ${s.file}`);
      for (const v of report.vendored) io.out(`  vendored ${v}`);
      for (const f of report.libraryLinks) io.out(`  pointed the library links of ${f} at vendor/`);
      for (const l of report.leftovers) io.err(`  warning: still speaks of the solution: ${l}`);
      io.out('Try it as a student would (its public tests should fail with TODO messages):');
      io.out(`  cd ${outDir} && pnpm install && pnpm check`);
      return 0;
    } catch (e) {
      if (!(e instanceof GraderError)) throw e;
      io.err(`iotkit: ${e.code}: ${e.message}`);
      return e.code === 'grader/bad-arguments' ? 2 : 1;
    }
  },
};
