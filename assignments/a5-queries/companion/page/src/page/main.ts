// Browser entry of the A5 page: the same prefix query the device runs, live through the official
// firebase web SDK (orderByChild + startAt + endAt), the device's subtree in the kit's data
// viewer, the summary the device wrote, and its LCD and keypad. Bundled by esbuild at start;
// type-checked with the DOM library by companion/page/tsconfig.json (the Node side keeps Node's
// stream types, which the DOM ones clash with).
import { initializeApp } from 'firebase/app';
import {
  connectDatabaseEmulator,
  endAt,
  getDatabase,
  onValue,
  orderByChild,
  orderByKey,
  orderByValue,
  query,
  ref,
  startAt,
} from 'firebase/database';
import { mountDataTree, mountOperationLog } from '@iotkit/data-viewer/page';
import type { A5PageConfig } from './page-config.js';

const KEYS = ['#', '*', 'A'];

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`A5 page markup lacks #${id}`);
  return el;
}

async function press(key: string): Promise<void> {
  const res = await fetch('/keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ keys: key }),
  });
  element('key-error').textContent = res.ok ? '' : `HTTP ${res.status}`;
}

function start(): void {
  const config = JSON.parse(element('config').textContent ?? '{}') as A5PageConfig;
  const [host, port] = config.databaseHost.split(':');
  const app = initializeApp({
    projectId: config.projectId,
    databaseURL: `http://${config.databaseHost}/?ns=${config.namespace}`,
  });
  const db = getDatabase(app);
  // An unsigned emulator token whose uid the rules see as `auth.uid`: the page reads as the device.
  connectDatabaseEmulator(db, host ?? '127.0.0.1', Number(port), {
    mockUserToken: { sub: config.uid, user_id: config.uid },
  });
  // "$value" queries the plain strings of /labels (bonus B3); everything else the readings.
  const byValue = config.orderBy === '$value';
  element('query-text').textContent =
    `${byValue ? 'labels' : 'readings'}?orderBy="${config.orderBy}" startAt="${config.prefix}" endAt="${config.prefix}\\uf8ff"` +
    (config.live ? ' · the device keeps it open as a stream' : '');
  const node = ref(db, `devices/${config.uid}/${byValue ? 'labels' : 'readings'}`);
  const order =
    config.orderBy === '$key' ? orderByKey() : byValue ? orderByValue() : orderByChild(config.orderBy);
  const live = query(node, order, startAt(config.prefix), endAt(`${config.prefix}\uf8ff`));
  onValue(live, (snap) => {
    const list = element('matches');
    list.replaceChildren();
    snap.forEach((child) => {
      const item = document.createElement('li');
      const value: unknown =
        config.orderBy === '$key' ? child.key : byValue ? child.val() : child.child(config.orderBy).val();
      item.textContent = `${String(value)}  ·  ${child.key ?? ''}`;
      list.append(item);
    });
    element('match-count').textContent = String(snap.size);
  });
  onValue(ref(db, `devices/${config.uid}/queries/latest`), (snap) => {
    element('summary').textContent = JSON.stringify(snap.val(), null, 1) ?? 'nothing yet';
  });
  mountDataTree(element('data-tree'), ref(db, `devices/${config.uid}`), { label: `devices/${config.uid}` });
  mountOperationLog(element('operation-log'), '/events', {
    onLcd: (lines) => {
      element('lcd-line1').textContent = lines[0].padEnd(16, ' ');
      element('lcd-line2').textContent = lines[1].padEnd(16, ' ');
    },
  });
  const pad = element('keypad');
  for (const key of KEYS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'key';
    button.textContent = key;
    button.addEventListener('click', () => void press(key));
    pad.append(button);
  }
}

start();
