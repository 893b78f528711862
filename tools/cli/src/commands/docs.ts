import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { writeCoursePdf } from '../docs-site/course-pdf.js';
import { serveSite } from '../docs-site/static-site-server.js';

/** `iotkit docs`: builds the course reference and API site, and optionally serves it locally. */
export const docsCommand: Command = {
  name: 'docs',
  summary:
    'build the docs site (course notes + API reference) into site/, optionally serve it or print the notes',
  usage: [
    'Usage: pnpm iotkit docs [--serve] [--port PORT] [--pdf] [--output FILE] [--no-build] [--site DIR]',
    '',
    'Runs TypeDoc over every package and the pages in docs/ (warnings are errors) and writes the',
    'site to site/. With --serve it then serves the site on http://127.0.0.1:PORT/ until Ctrl-C.',
    'With --pdf it prints the course notes, in teaching order, into one PDF for reading offline',
    "(Debian's chromium does the printing; default file: course-notes.pdf in the site folder).",
    '(`pnpm run docs` builds too; plain `pnpm docs` is a built-in pnpm command, not ours.)',
  ].join('\n'),
  options: {
    serve: { type: 'boolean', description: 'serve the site after building it' },
    port: {
      type: 'string',
      valueName: 'PORT',
      description: 'port for --serve (default 8080; 0 = any free port)',
    },
    pdf: { type: 'boolean', description: 'print the course notes into one PDF' },
    output: {
      type: 'string',
      valueName: 'FILE',
      description: 'PDF file for --pdf (default: course-notes.pdf in the site folder)',
    },
    'no-build': { type: 'boolean', description: 'use what is already in the site folder' },
    site: {
      type: 'string',
      valueName: 'DIR',
      description: 'site folder (default: site/ at the repository root)',
    },
  },
  async run(args, io) {
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
  },
};

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
