import type { CommandArgs, CommandIo, CommandOption } from '../command.js';
import { readFirebaseConfig } from './firebase-config.js';
import { resolveTarget } from './resolve-target.js';
import type { ResolvedTarget } from './resolve-target.js';

/** The `--target` option, for commands that talk to a backend: `options: { target: TARGET_OPTION }`. */
export const TARGET_OPTION: CommandOption = {
  type: 'string',
  short: 't',
  valueName: 'KIND',
  description: 'local (default), emulators or firebase; overrides IOTKIT_TARGET',
};

/**
 * Resolves the target for a command from its `--target` value, the environment and `firebase.json`.
 *
 * @param args - the command's parsed arguments
 * @param io - environment and repository root
 * @returns the resolved target
 */
export function targetFromArgs(args: CommandArgs, io: CommandIo): ResolvedTarget {
  const flag = args.values['target'];
  return resolveTarget({
    flag: typeof flag === 'string' ? flag : undefined,
    env: io.env,
    config: readFirebaseConfig(io.root),
  });
}
