// A bare page for the viewer's browser tests: the tree of one subtree and the operation log,
// nothing else. The test serves it with the bundle built from this file's sibling entry.
import { initializeApp } from 'firebase/app';
import { connectDatabaseEmulator, getDatabase, ref } from 'firebase/database';
import { mountDataTree, mountOperationLog } from '../../page/index.js';

const params = new URLSearchParams(location.search);
const [host, port] = (params.get('db') ?? '').split(':');
const app = initializeApp({
  projectId: 'demo-viewer',
  databaseURL: `http://${params.get('db')}/?ns=${params.get('ns')}`,
});
const db = getDatabase(app);
connectDatabaseEmulator(db, host ?? '127.0.0.1', Number(port));
const tree = document.getElementById('tree') as HTMLElement;
mountDataTree(tree, ref(db, params.get('path') ?? '/'), {
  leaveMs: 3000,
  maxChildren: 3,
  collapsed: ['/closed'],
});
mountOperationLog(document.getElementById('log') as HTMLElement, '/events', {
  max: 2,
  onLcd: (lines) => {
    (document.getElementById('lcd') as HTMLElement).textContent = lines.join(' | ');
  },
});
