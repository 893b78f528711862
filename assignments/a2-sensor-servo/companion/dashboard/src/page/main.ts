// Browser entry of the A2 dashboard: the official Firebase web SDK, in emulator mode, against the
// kit's local backend. Bundled by esbuild when the dashboard server starts.
import { initializeApp } from 'firebase/app';
import { connectDatabaseEmulator, getDatabase, limitToLast, onValue, query, ref } from 'firebase/database';
import { mountDataTree } from '@iotkit/data-viewer/page';
import { needleTip } from './angle-gauge.js';
import type { DashboardConfig } from './dashboard-config.js';
import { lcdLines } from './lcd-lines.js';
import { chartPolyline, readingsToPoints } from './readings-chart.js';

const CHART = { width: 600, height: 220, padding: 12 };

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`dashboard markup lacks #${id}`);
  return el;
}

function start(): void {
  const config = JSON.parse(element('config').textContent ?? '{}') as DashboardConfig;
  const uid = new URLSearchParams(location.search).get('uid') ?? config.uid;
  const [host, port] = config.databaseHost.split(':');
  const app = initializeApp({
    projectId: config.projectId,
    databaseURL: `http://${config.databaseHost}/?ns=${config.namespace}`,
  });
  const db = getDatabase(app);
  // An unsigned emulator token whose uid the rules see as `auth.uid`: the page reads as the device.
  connectDatabaseEmulator(db, host ?? '127.0.0.1', Number(port), {
    mockUserToken: { sub: uid, user_id: uid },
  });
  element('uid').textContent = uid;

  onValue(ref(db, '.info/connected'), (snap) => {
    const connected = snap.val() === true;
    const pill = element('connection');
    pill.textContent = connected ? 'connected' : 'offline';
    pill.className = connected ? 'pill on' : 'pill off';
  });

  // The device's whole subtree as the Firebase console shows it; readings start collapsed
  // because a new one arrives every second.
  mountDataTree(element('data-tree'), ref(db, `devices/${uid}`), {
    label: `devices/${uid}`,
    collapsed: ['/readings'],
  });

  onValue(query(ref(db, `devices/${uid}/readings`), limitToLast(60)), (snap) => {
    const points = readingsToPoints(snap.val());
    element('chart-line').setAttribute('points', chartPolyline(points, CHART));
    element('reading-count').textContent = String(points.length);
  });

  onValue(ref(db, `devices/${uid}/latest`), (snap) => {
    const latest = snap.val() as { ir?: unknown; ts?: unknown } | null;
    element('latest-ir').textContent = typeof latest?.ir === 'number' ? String(latest.ir) : '–';
    element('latest-ts').textContent =
      typeof latest?.ts === 'number' ? new Date(latest.ts).toLocaleTimeString() : '';
  });

  onValue(ref(db, `devices/${uid}/servo`), (snap) => {
    const servo = snap.val() as { angle?: unknown; source?: unknown } | null;
    const angle = typeof servo?.angle === 'number' ? servo.angle : null;
    element('angle').textContent = angle === null ? '–' : `${angle}°`;
    element('angle-source').textContent = typeof servo?.source === 'string' ? servo.source : '';
    const tip = needleTip(angle ?? 0, 110, 110, 90);
    const needle = element('needle');
    needle.setAttribute('x2', tip.x.toFixed(1));
    needle.setAttribute('y2', tip.y.toFixed(1));
  });

  onValue(ref(db, `devices/${uid}/lcd`), (snap) => {
    const [line1, line2] = lcdLines(snap.val());
    element('lcd-line1').textContent = line1;
    element('lcd-line2').textContent = line2;
  });
}

start();
