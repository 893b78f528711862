import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../cli-error.js';
import type { CommandArgs, CommandIo } from '../command.js';
import { writeCoursePdf } from '../docs-site/course-pdf.js';
import { serveSite } from '../docs-site/static-site-server.js';

/**
 * Runs `iotkit docs`, loaded only when that command is chosen.
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runDocs(args: CommandArgs, io: CommandIo): Promise<number> {
  const siteDir = resolve(io.root, typeof args.values.site === 'string' ? args.values.site : 'site');
  const portText = typeof args.values.port === 'string' ? args.values.port : '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError('cli/usage', `--port must be a whole number from 0 to 65535, not "${portText}"`);
  }
  if (args.values['no-build'] !== true) {
    io.out('docs: building the site with TypeDoc (this takes about a minute) …');
    const status = await runTypedoc(io.root, siteDir);
    if (status !== 0) {
      io.err('docs: TypeDoc reported problems (see above); every warning is treated as an error.');
      return status;
    }
    io.out(`docs: site written to ${siteDir}`);
  }
  if (args.values.pdf === true) {
    const output = resolve(
      io.root,
      typeof args.values.output === 'string' ? args.values.output : join(siteDir, 'course-notes.pdf'),
    );
    const count = await writeCoursePdf(siteDir, output);
    io.out(`docs: ${count} course pages printed to ${output}`);
  }
  if (args.values.serve !== true) return 0;
  if (!existsSync(join(siteDir, 'index.html'))) {
    throw new CliError(
      'cli/missing-config',
      `no site in ${siteDir}: run \`pnpm iotkit docs\` without --no-build first`,
    );
  }
  const server = await serveSite(siteDir, '127.0.0.1', port);
  io.out(`docs: serving ${server.url} (Ctrl-C to stop)`);
  await io.waitForInterrupt();
  await server.close();
  io.out('docs: stopped');
  return 0;
}

function runTypedoc(root: string, siteDir: string): Promise<number> {
  const typedoc = join(root, 'node_modules', 'typedoc', 'bin', 'typedoc');
  if (!existsSync(typedoc)) {
    throw new CliError(
      'cli/missing-config',
      'typedoc is not installed: run `pnpm install` at the repository root',
    );
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [typedoc, '--out', siteDir], { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('close', (code) => resolvePromise(code ?? 1));
  });
}
