// A kit server to profile under load: run it with `node --cpu-prof --import tsx
// --conditions=@iotkit/source bench/profile-server.ts [port] [data-dir]`, load it with
// bench/load-generator.ts, stop it with Ctrl-C (SIGINT) so the profile is written, then
// summarise the profile with bench/profile-summary.ts.
import { startRtdbServer } from '../src/index.js';

const port = Number(process.argv[2] ?? 9555);
const dataDir = process.argv[3];
const server = await startRtdbServer({ port, log: () => {}, ...(dataDir ? { dataDir } : {}) });
process.once('SIGINT', () => {
  void server.close().then(() => process.exit(0));
});
console.log(`profiling server ready at ${server.url}`);
