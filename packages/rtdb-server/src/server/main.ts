// Command-line entry: `node --import tsx --conditions=@iotkit/source src/server/main.ts --port 9000 --data-dir .rtdb`.
import { parseArgs } from 'node:util';
import { RtdbError } from '../core/rtdb-error.js';
import { exportEmulatorData, importEmulatorData } from './emulator-data.js';
import { exposureNotice } from './exposure.js';
import { startRtdbServer, type RtdbServerOptions } from './rtdb-server.js';

const USAGE = `usage: rtdb-server [--port 9000] [--host 127.0.0.1] [--exposed] [--data-dir DIR] [--import DIR] [--export-on-exit DIR] [--rules FILE]
  --port            port to listen on (0 = any free port)
  --host            interface; anything but loopback exposes the database to the network
  --exposed         treat the server as exposed even on loopback (something forwards to it):
                    /.settings and /.inspect then need the owner credential
  --data-dir        keep data in DIR (write-ahead log + snapshots); without it data lives in memory
  --import          load an Emulator Suite export (DIR/database_export/<ns>.json) on start
  --export-on-exit  write such an export to DIR on Ctrl-C / SIGTERM
  --rules           rules file enforced in every namespace that has no rules of its own`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      // `pnpm start -- --port 9000` hands the separator through; it carries no meaning here.
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: {
        port: { type: 'string', default: '9000' },
        host: { type: 'string', default: '127.0.0.1' },
        exposed: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        import: { type: 'string' },
        'export-on-exit': { type: 'string' },
        rules: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${String(error instanceof Error ? error.message : error)}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer between 0 and 65535\n${USAGE}`);
    process.exit(2);
  }
  const options: RtdbServerOptions = { port, host: values.host };
  if (values.exposed) options.exposed = true;
  if (values['data-dir']) options.dataDir = values['data-dir'];
  if (values.rules) options.rulesFile = values.rules;
  const server = await startRtdbServer(options);
  if (values.import) {
    const imported = await importEmulatorData(server, values.import);
    console.log(
      `imported ${imported.length} namespace(s) from ${values.import}: ${imported.join(', ') || '(none)'}`,
    );
  }
  console.log(
    `rtdb-server ready at ${server.url} (${options.dataDir ? `data in ${options.dataDir}` : 'in-memory'}; ${exposureNotice(server.exposed)})`,
  );
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`rtdb-server: ${signal}, shutting down`);
    try {
      if (values['export-on-exit']) {
        const exported = await exportEmulatorData(server, values['export-on-exit']);
        console.log(`exported ${exported.length} namespace(s) to ${values['export-on-exit']}`);
      }
      await server.close();
      process.exit(0);
    } catch (error) {
      console.error(`rtdb-server: shutdown failed: ${String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof RtdbError ? `${error.code}: ${error.message}` : String(error);
  console.error(`rtdb-server failed to start: ${message}`);
  process.exit(1);
});
