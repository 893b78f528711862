#!/usr/bin/env node
// Type-checks every workspace package in as few TypeScript programs as possible: what CI runs
// instead of one `tsc --noEmit` per package.
//
// Workspace packages import each other's TypeScript sources (the `@iotkit/source` condition), so
// each package's own `tsc` checks all the sources it depends on again: seventeen programs re-check
// the RTDB server, the grader and the devices package over and over. This script reads the same
// tsconfig files the packages' `typecheck` scripts use, puts the files of every config with the
// same compiler options into one program, and reports the diagnostics of all of them. The
// per-package `pnpm --filter <pkg> typecheck` stays the way to check one package while working.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACE_FOLDERS = ['packages', 'assignments', 'tools'];
const SINGLE_PACKAGES = ['docs'];

/** Every workspace package folder that has a `typecheck` script. */
function packagesWithTypecheck() {
  const dirs = [
    ...WORKSPACE_FOLDERS.flatMap((folder) =>
      readdirSync(join(root, folder), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(root, folder, entry.name)),
    ),
    ...SINGLE_PACKAGES.map((name) => join(root, name)),
  ];
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => typeof manifest.scripts?.typecheck === 'string');
}

/**
 * The tsconfig files a `typecheck` script checks. Only `tsc --noEmit [-p <config>]` steps joined
 * by `&&` can be folded; anything else is refused so that no package is silently left out.
 */
function configsOf({ dir, manifest }) {
  return manifest.scripts.typecheck.split('&&').map((step) => {
    const words = step.trim().split(/\s+/);
    const project = words.indexOf('-p');
    const plain = words[0] === 'tsc' && words.includes('--noEmit');
    const rest = words.filter((word, i) => !['tsc', '--noEmit', '-p'].includes(word) && i !== project + 1);
    if (!plain || rest.length > 0)
      throw new Error(
        `${manifest.name}: cannot fold the typecheck step "${step.trim()}"; only "tsc --noEmit [-p <config>]" steps are understood`,
      );
    return join(dir, project >= 0 ? words[project + 1] : 'tsconfig.json');
  });
}

function parseConfig(path) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${relative(root, path)}`);
  if (parsed.errors.length > 0) report(parsed.errors);
  return parsed;
}

/** Options that name the config itself do not make two configs different programs. */
function optionsKey(options) {
  const { configFilePath: _path, ...rest } = options;
  // Sorted entries, not a key-list replacer: a replacer list would also drop nested keys.
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

const host = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};

let errorCount = 0;
function report(diagnostics) {
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  errorCount += errors.length;
  if (diagnostics.length > 0)
    process.stdout.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
}

const started = performance.now();
const groups = new Map();
for (const pkg of packagesWithTypecheck()) {
  for (const config of configsOf(pkg)) {
    const parsed = parseConfig(config);
    const key = optionsKey(parsed.options);
    const group = groups.get(key) ?? { options: parsed.options, files: new Set(), configs: [] };
    for (const file of parsed.fileNames) group.files.add(file);
    group.configs.push(relative(root, config));
    groups.set(key, group);
  }
}

for (const group of groups.values()) {
  const program = ts.createProgram({ rootNames: [...group.files], options: group.options });
  report(ts.getPreEmitDiagnostics(program));
  console.log(`typecheck: ${group.files.size} files of ${group.configs.length} configs in one program`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (errorCount > 0) {
  console.error(`typecheck: ${errorCount} error(s) in ${seconds} s`);
  process.exit(1);
}
console.log(`typecheck: no errors in ${groups.size} program(s), ${seconds} s`);
