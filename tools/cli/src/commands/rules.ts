import type { Command } from '../command.js';

/** `iotkit rules explain`: decide a hypothetical request against the rules and print why. */
export const rulesCommand: Command = {
  name: 'rules',
  summary: 'explain how the security rules decide a request, or list recent denials (rules explain|denials)',
  usage: [
    'Usage: pnpm iotkit rules explain <METHOD> <PATH> [--as UID] [--data JSON] [--query PARAMS] [--existing JSON]',
    '                                 [--rules FILE | --ns NAME [--url URL]]',
    '',
    'Evaluates a request without sending it and prints every rule that ran, where it is written',
    '(file:line), and for each rule that was not true the sub-expression that failed with its values.',
    'METHOD is GET, PUT, POST, PATCH or DELETE; --data is the request body (like curl -d), and',
    '{".sv": "timestamp"} in it becomes the current time. JSON options also accept @file.',
    'Rules come from --rules, or the file firebase.json names; with --ns or --url they are the rules',
    "of a running server (GET /.settings/rules.json), checked against that server's current data.",
    'Exit status 0 either way; with --check, 3 when the request is denied.',
    '',
    '       pnpm iotkit rules denials [--ns NAME] [--url URL]',
    'Prints the requests a running server refused recently (GET /.inspect/denials.json) and why.',
    '',
    'Example: pnpm iotkit rules explain PUT /devices/bob/latest --as alice --data \'{"ir": 5, "ts": {".sv": "timestamp"}}\'',
  ].join('\n'),
  allowPositionals: true,
  options: {
    as: {
      type: 'string',
      valueName: 'UID',
      description: 'act as this signed-in user (`owner` = admin); default unauthenticated',
    },
    claims: { type: 'string', valueName: 'JSON', description: 'extra token claims for --as (auth.token.*)' },
    data: { type: 'string', valueName: 'JSON', description: 'request body of PUT, POST or PATCH' },
    query: {
      type: 'string',
      valueName: 'PARAMS',
      description: 'REST query of a GET, e.g. \'orderBy="ts"&limitToLast=5\' (rules see query.*)',
    },
    existing: {
      type: 'string',
      valueName: 'JSON',
      description: 'database content to decide against (default: empty, or the server data)',
    },
    rules: {
      type: 'string',
      valueName: 'FILE',
      description: 'rules file (default: the one firebase.json names)',
    },
    ns: {
      type: 'string',
      valueName: 'NAME',
      description: 'use the rules and data of this namespace of a running server',
    },
    check: { type: 'boolean', description: 'exit with status 3 when the request is denied' },
    url: {
      type: 'string',
      valueName: 'URL',
      description: 'running server (default $FIREBASE_DATABASE_EMULATOR_HOST or http://127.0.0.1:9000)',
    },
  },
  async run(args, io) {
    const { runRules } = await import('./rules-run.js');
    return runRules(args, io);
  },
};
