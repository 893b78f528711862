import type { Command } from '../command.js';

/** Also read by the command body in `./functions-run.ts`. */
export const DEFAULT_NAMESPACE = 'demo-iotkit-default-rtdb';

/** `iotkit functions <module>`: runs a functions module against the local backend and logs each invocation. */
export const functionsCommand: Command = {
  name: 'functions',
  summary: 'run a Cloud Functions module against the local backend, logging each invocation',
  usage: [
    'Usage: pnpm iotkit functions <module> [--ns NAME] [--database HOST:PORT] [--isolated]',
    '',
    'Runs the Realtime Database triggers of <module> (the file you deploy, e.g.',
    'companion/functions/src/index.ts) against the running local backend (`pnpm iotkit start`),',
    'v2 (onValueCreated…) and v1 (functions.database.ref().onCreate…) alike. It first lists every',
    'export and says which will not fire locally (HTTPS, callable, other services), then prints one',
    'line per invocation: time, outcome, trigger, path, params, who wrote, duration and any error.',
    'Stop it with Ctrl-C.',
  ].join('\n'),
  allowPositionals: true,
  options: {
    ns: {
      type: 'string',
      valueName: 'NAME',
      description: `database (namespace) to watch (default ${DEFAULT_NAMESPACE})`,
    },
    database: {
      type: 'string',
      valueName: 'HOST:PORT',
      description: 'the local RTDB (default: $FIREBASE_DATABASE_EMULATOR_HOST, else 127.0.0.1:9000)',
    },
    isolated: { type: 'boolean', description: 'load the module in a separate functions host process' },
  },
  async run(args, io) {
    const { runFunctions } = await import('./functions-run.js');
    return runFunctions(args, io);
  },
};
