#!/usr/bin/env node
// Puts A2's real `pnpm iotkit check` output into the guides, so their examples cannot drift from
// what the kit prints. It checks the A2 starter (the handout of the reference, as students get it)
// and the reference itself, then replaces the text between each pair of marker comments
//   <!-- docs-example:NAME -->  …  <!-- /docs-example:NAME -->
// in docs/guides/*.md. Temp paths, timings and generated ids are normalised so a re-run only
// changes the files when the output really changed. Usage: pnpm docs:examples (a few minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const a2 = join(root, 'assignments', 'a2-sensor-servo');
const guides = join(root, 'docs', 'guides');

/** Runs `pnpm iotkit …` at the repository root; returns stdout (the report) whatever the exit status. */
function iotkit(args) {
  process.stderr.write(`docs-examples: pnpm iotkit ${args.join(' ')}\n`);
  const run = spawnSync('pnpm', ['--silent', 'iotkit', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`pnpm iotkit ${args.join(' ')} exited ${run.status}:\n${run.stdout}`);
  return run.stdout;
}

/**
 * What may differ between two runs of the same code: temp folders, the repository's own path,
 * durations, ports, generated uids and push ids, device times in timelines.
 */
export function normalise(text, paths) {
  let out = text;
  for (const [path, shown] of paths) out = out.split(path).join(shown);
  return out
    .replace(/\/tmp\/[\w.-]+(\/[\w./-]*)?/g, '<tmp>$1')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/\[\s*\d+ ms\]/g, '[   … ms]')
    .replace(/^(\s*)\d+ ms\b/gm, '$1… ms')
    .replace(/-[A-Za-z0-9_-]{19}\b/g, '-<push id>')
    .replace(/\/devices\/[A-Za-z0-9]{20,}/g, '/devices/<uid>')
    .replace(/\buid [A-Za-z0-9]{20,}/g, 'uid <uid>')
    .replace(/[ \t]+$/gm, '');
}

/** The console table of a `check` report: from its title line to the score line. */
function consoleTable(stdout) {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith('A2 · '));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('score '));
  if (start < 0 || end < 0) throw new Error(`no console table in the check output:\n${stdout}`);
  return lines.slice(start, end + 1).join('\n');
}

/** The Markdown feedback of one test: from its heading to the next heading. */
function feedbackOf(stdout, testName) {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => /^#{2,4} /.test(l) && l.includes(testName));
  if (start < 0) throw new Error(`no feedback for "${testName}" in the check output:\n${stdout}`);
  const next = lines.findIndex((l, i) => i > start && /^#{2,4} /.test(l));
  return lines
    .slice(start, next < 0 ? undefined : next)
    .join('\n')
    .trim();
}

/** Replaces the block between the markers of `name` in `file` with a fenced `body`. */
function insert(file, name, lang, body) {
  const text = readFileSync(file, 'utf8');
  const open = `<!-- docs-example:${name} -->`;
  const close = `<!-- /docs-example:${name} -->`;
  const from = text.indexOf(open);
  const to = text.indexOf(close);
  if (from < 0 || to < from) throw new Error(`${file} has no ${open} … ${close} markers`);
  const fence = body.includes('```') ? '````' : '```';
  const block = `${open}\n${fence}${lang}\n${body.trim()}\n${fence}\n${close}`;
  writeFileSync(file, text.slice(0, from) + block + text.slice(to + close.length));
  process.stderr.write(`docs-examples: ${name} → ${file.slice(root.length)}\n`);
}

const work = mkdtempSync(join(tmpdir(), 'docs-examples-'));
try {
  // The starter exactly as `pnpm iotkit handout a2` makes it; the assignment's own installed
  // packages stand in for `pnpm install` in it.
  const starter = join(work, 'a2-starter');
  iotkit(['handout', 'a2', '--out', starter]);
  symlinkSync(join(a2, 'node_modules'), join(starter, 'node_modules'), 'dir');
  const paths = [
    [starter, 'a2-starter'],
    [root.replace(/\/$/, ''), '.'],
  ];
  const starterRun = normalise(iotkit(['check', starter]), paths);
  const referenceRun = normalise(iotkit(['check', 'a2']), paths);
  const app = join(starter, 'firmware', 'src', 'app', 'a2_app.cpp');
  writeFileSync(app, `${readFileSync(app, 'utf8')}\nint missingSemicolon = 1\n`);
  const syntaxErrorRun = normalise(iotkit(['check', starter]), paths);

  const checking = join(guides, 'checking-your-work.md');
  insert(checking, 'a2-check-starter', 'text', consoleTable(starterRun));
  insert(checking, 'a2-check-reference', 'text', consoleTable(referenceRun));
  insert(checking, 'a2-check-syntax-error', 'text', consoleTable(syntaxErrorRun));
  insert(
    join(guides, 'grading.md'),
    'a2-feedback-starter',
    'markdown',
    feedbackOf(starterRun, 'login: the correct password signs in'),
  );
  const left = readdirSync(guides).filter((f) => readFileSync(join(guides, f), 'utf8').includes(work));
  if (left.length > 0) throw new Error(`a temp path survived normalising in ${left.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
