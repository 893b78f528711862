import { resolve } from 'node:path';
import { GraderError, makeHandout, resolveAssignmentDir } from '@iotkit/grader';
import type { CommandArgs, CommandIo } from '../command.js';

/**
 * Runs `iotkit handout`, loaded only when that command is chosen.
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runHandout(args: CommandArgs, io: CommandIo): Promise<number> {
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
}
