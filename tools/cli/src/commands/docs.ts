import type { Command } from '../command.js';

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
    const { runDocs } = await import('./docs-run.js');
    return runDocs(args, io);
  },
};
