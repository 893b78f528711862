// `pnpm --filter @iotkit/a5-queries query --order-by zone --prefix lab`: the device's prefix query
// from a computer, through the kit's REST client and through the official firebase SDK.
import { parseArgs } from 'node:util';
import { AuthClient, emulatorEndpoints } from '@iotkit/auth';
import { A5_DEMO_ACCOUNT } from '../../../src/start-a5-demo.js';
import { formatPrefixQuery, runPrefixQuery } from './run-query.js';

const USAGE = `Usage: pnpm --filter @iotkit/a5-queries query --order-by <child|$key> --prefix <text> [options]

Signs in as the device account (default: the demo's, as \`pnpm start a5\` creates it) and prints
the readings of /devices/{uid}/readings whose <child> starts with <text>, through
@iotkit/rtdb-client and through the firebase SDK, in Firebase's order.

Options:
  --rtdb-url URL     local RTDB (default http://127.0.0.1:9000)
  --auth-url URL     Auth emulator (default http://127.0.0.1:9099)
  --namespace NS     database namespace (default a5-demo)
  --email E --password P   the device account (default the demo device)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'order-by': { type: 'string' },
      prefix: { type: 'string' },
      'rtdb-url': { type: 'string', default: 'http://127.0.0.1:9000' },
      'auth-url': { type: 'string', default: 'http://127.0.0.1:9099' },
      namespace: { type: 'string', default: 'a5-demo' },
      email: { type: 'string', default: A5_DEMO_ACCOUNT.email },
      password: { type: 'string', default: A5_DEMO_ACCOUNT.password },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const orderBy = values['order-by'];
  const prefix = values.prefix;
  if (orderBy === undefined || prefix === undefined || orderBy === '') {
    console.error(`a5 query: --order-by and --prefix are both needed\n\n${USAGE}`);
    return 2;
  }
  const auth = new AuthClient({
    endpoints: emulatorEndpoints(values['auth-url'].replace(/\/$/, ''), 'demo-key'),
  });
  const session = await auth.signInWithPassword({ email: values.email, password: values.password });
  const options = {
    rtdbUrl: values['rtdb-url'],
    namespace: values.namespace,
    uid: session.uid,
    orderBy,
    prefix,
    idToken: session.idToken,
  };
  const result = await runPrefixQuery(options);
  for (const line of formatPrefixQuery(options, result)) console.log(line);
  return JSON.stringify(result.restClient) === JSON.stringify(result.firebaseSdk) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`a5 query: ${error.message}`);
    process.exit(1);
  },
);
