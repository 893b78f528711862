// `pnpm --filter @iotkit/a4-id-token provision …`: sign the user in on this computer and hand the
// device its tokens. Prints the ID token's header and claims, never a token.
import { isAbsolute, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { A4Error } from './a4-error.js';
import { formatIdTokenSummary } from './id-token-summary.js';
import { provisionDevice, type ProvisionTarget } from './provision-device.js';

const USAGE = `usage: provision (--store <device-store.json> | --serial <port>) --email <user e-mail>
                 [--password <p>] [--create] [--auth-url <url> | --real] [--api-key <key>]

  --store      the virtual device's store file (what its --store / IOTKIT_STORE_FILE names)
  --serial     an ESP32's serial port, e.g. /dev/ttyUSB0 (close the serial monitor first)
  --email      the user who signs in here; the device acts as this user
  --password   the user's password; without it, it is read from IOTKIT_PROVISION_PASSWORD or asked for
  --create     create the account if it does not exist (emulator)
  --auth-url   the Auth emulator (default: FIREBASE_AUTH_EMULATOR_HOST, else http://127.0.0.1:9099)
  --real       use the real Firebase Auth of the --api-key's project instead of the emulator
  --api-key    Web API key (default "demo-key", fine for the emulator)`;

async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write('password: ');
  const answer = await rl.question('');
  rl.close();
  return answer.trim();
}

/** Paths are relative to where the command was typed, not to this package (pnpm runs scripts here). */
function fromCallerDir(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string' },
      serial: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      create: { type: 'boolean', default: false },
      'auth-url': { type: 'string' },
      real: { type: 'boolean', default: false },
      'api-key': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.email || (values.store === undefined) === (values.serial === undefined))
    throw new A4Error('a4/bad-arguments', `give --email and exactly one of --store or --serial\n${USAGE}`);
  if (values.real && !values['api-key'])
    throw new A4Error(
      'a4/bad-arguments',
      '--real needs --api-key (Firebase console → Project settings → Web API key)',
    );
  const emulatorHost = process.env['FIREBASE_AUTH_EMULATOR_HOST'];
  const authUrl = values.real
    ? undefined
    : (values['auth-url'] ?? (emulatorHost ? `http://${emulatorHost}` : 'http://127.0.0.1:9099'));
  const password = values.password ?? process.env['IOTKIT_PROVISION_PASSWORD'] ?? (await askPassword());
  const target: ProvisionTarget =
    values.store !== undefined
      ? { storeFile: fromCallerDir(values.store) }
      : { serialPort: values.serial ?? '' };
  const result = await provisionDevice({
    authUrl,
    apiKey: values['api-key'] ?? 'demo-key',
    email: values.email,
    password,
    createIfMissing: values.create,
    target,
  });
  console.log(
    `Signed in ${values.email} (uid ${result.uid}) ${authUrl ? `on the emulator at ${authUrl}` : 'on Firebase'}.`,
  );
  for (const line of formatIdTokenSummary(result.summary)) console.log(line);
  console.log(`Handed the device its ID token and refresh token through ${result.deliveredTo}.`);
  console.log('The refresh token is not shown: whoever holds it can act as this user until it is revoked.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`provision: ${message}`);
    process.exit(error instanceof A4Error && error.code === 'a4/bad-arguments' ? 2 : 1);
  },
);
