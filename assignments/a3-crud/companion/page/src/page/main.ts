// Browser entry of the A3 page: the device's subtree live (the kit's data viewer, on the official
// firebase web SDK in emulator mode), its LCD and operation log from the page server's event
// feed, and a keypad that presses the virtual device's keys. Bundled by esbuild at server start.
import { initializeApp } from 'firebase/app';
import { connectDatabaseEmulator, getDatabase, onValue, ref } from 'firebase/database';
import { mountDataTree, mountOperationLog } from '@iotkit/data-viewer/page';
import { KEYPAD_ROWS } from './keypad-keys.js';
import type { A3PageConfig } from './page-config.js';

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`A3 page markup lacks #${id}`);
  return el;
}

function showLcd(lines: readonly [string, string]): void {
  element('lcd-line1').textContent = lines[0].padEnd(16, ' ');
  element('lcd-line2').textContent = lines[1].padEnd(16, ' ');
  const menu = lines[0].startsWith('A:Read')
    ? 'menu'
    : lines[0].startsWith('New threshold') || lines[0].startsWith('Max 4095')
      ? 'typing a threshold'
      : lines[0].startsWith('Delete oldest?')
        ? 'confirm delete'
        : 'result';
  element('menu-state').textContent = menu;
}

async function press(keys: string): Promise<void> {
  const res = await fetch('/keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ keys }),
  });
  element('key-error').textContent = res.ok
    ? ''
    : (((await res.json()) as { error?: string }).error ?? `HTTP ${res.status}`);
}

function buildKeypad(): void {
  const pad = element('keypad');
  for (const row of KEYPAD_ROWS) {
    for (const key of row) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = /[A-D]/.test(key) ? 'key letter' : 'key';
      button.textContent = key;
      button.dataset['key'] = key;
      button.addEventListener('click', () => void press(key));
      pad.append(button);
    }
  }
}

function start(): void {
  const config = JSON.parse(element('config').textContent ?? '{}') as A3PageConfig;
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
  element('uid').textContent = config.uid;
  onValue(ref(db, '.info/connected'), (snap) => {
    const connected = snap.val() === true;
    const pill = element('connection');
    pill.textContent = connected ? 'connected' : 'offline';
    pill.className = connected ? 'pill on' : 'pill off';
  });
  mountDataTree(element('data-tree'), ref(db, `devices/${config.uid}`), { label: `devices/${config.uid}` });
  mountOperationLog(element('operation-log'), '/events', {
    onLcd: showLcd,
    onConnection: (connected) => {
      element('device-state').textContent = connected ? 'device feed connected' : 'device feed offline';
    },
  });
  buildKeypad();
}

start();
