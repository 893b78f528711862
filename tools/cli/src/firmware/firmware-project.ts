import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CliError } from '../cli-error.js';

/** The PlatformIO project of one assignment (`assignments/<folder>/firmware`). */
export interface FirmwareProject {
  /** Short id, the folder name up to the first dash (`a2`). */
  readonly id: string;
  /** The assignment folder name (`a2-sensor-servo`). */
  readonly folder: string;
  /** Absolute path of the firmware project (where `platformio.ini` is). */
  readonly dir: string;
  /** `include/secrets.h`, absolute. */
  readonly secretsFile: string;
  /** `include/secrets.example.h`, absolute. */
  readonly secretsExample: string;
  /** The project path relative to the repository, for messages. */
  readonly shown: string;
}

/**
 * Every assignment that has a PlatformIO project, sorted by id.
 *
 * @param root - the repository root
 * @returns the projects
 */
export function listFirmwareProjects(root: string): FirmwareProject[] {
  const base = join(root, 'assignments');
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((folder) => existsSync(join(base, folder, 'firmware', 'platformio.ini')))
    .map((folder) => {
      const dir = join(base, folder, 'firmware');
      return {
        id: folder.split('-')[0] ?? folder,
        folder,
        dir,
        secretsFile: join(dir, 'include', 'secrets.h'),
        secretsExample: join(dir, 'include', 'secrets.example.h'),
        shown: relative(root, dir).split('\\').join('/'),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/**
 * The firmware project `ref` names: an id (`a2`) or a folder name (`a2-sensor-servo`).
 *
 * @param root - the repository root
 * @param ref - what the user typed (`undefined` when nothing was)
 * @returns the project
 * @throws {@link CliError} `cli/usage` naming the projects there are
 */
export function findFirmwareProject(root: string, ref: string | undefined): FirmwareProject {
  const projects = listFirmwareProjects(root);
  const choices = projects.map((p) => p.id).join(', ') || '(none)';
  if (ref === undefined || ref === '') {
    throw new CliError('cli/usage', `name an assignment, e.g. \`a2\`; with firmware: ${choices}`);
  }
  const project = projects.find((p) => p.id === ref || p.folder === ref);
  if (!project)
    throw new CliError(
      'cli/usage',
      `no assignment "${ref}" with a firmware project; choose one of: ${choices}`,
    );
  return project;
}
