// A separate Node process using the web SDK: it registers onDisconnect writes, reports "ready" on
// stdout, then idles until its parent kills it hard (no goodbye on the socket).
import { initializeApp } from 'firebase/app';
import {
  connectDatabaseEmulator,
  getDatabase,
  onDisconnect,
  ref,
  serverTimestamp,
  set,
  increment,
} from 'firebase/database';

const [port, ns, uid] = process.argv.slice(2);
const app = initializeApp({ projectId: 'demo-iotkit', databaseURL: `http://127.0.0.1:${port}?ns=${ns}` });
const db = getDatabase(app);
connectDatabaseEmulator(db, '127.0.0.1', Number(port));
await set(ref(db, `presence/${uid}`), { online: true });
await onDisconnect(ref(db, `presence/${uid}`)).set({ online: false, lastSeen: serverTimestamp() });
await onDisconnect(ref(db, 'stats')).update({ disconnects: increment(1), [`last/${uid}`]: true });
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
