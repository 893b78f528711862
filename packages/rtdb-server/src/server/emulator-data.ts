import { nodeIsEmpty } from '../core/data-node.js';
import { nodeToJson } from '../core/node-json.js';
import { readEmulatorExport, writeEmulatorExport } from '../store/emulator-export.js';
import type { RunningRtdbServer } from './rtdb-server.js';

const ADMIN = { admin: true, auth: null, now: 0 } as const;

/**
 * Loads an Emulator Suite export directory (`<dir>/database_export/<ns>.json`) into the server,
 * replacing each listed namespace's data. Returns the namespaces imported.
 */
export async function importEmulatorData(server: RunningRtdbServer, dir: string): Promise<string[]> {
  const data = readEmulatorExport(dir);
  for (const [namespace, value] of data) {
    await server.database(namespace).write([{ path: [], value, kind: 'set' }], { ...ADMIN, now: Date.now() });
  }
  return [...data.keys()];
}

/** Writes every namespace that holds data into `<dir>/database_export/` (export format). */
export async function exportEmulatorData(server: RunningRtdbServer, dir: string): Promise<string[]> {
  const data = new Map<string, unknown>();
  for (const namespace of server.namespaces()) {
    const db = server.database(namespace);
    await db.flush();
    const root = db.root();
    if (!nodeIsEmpty(root)) data.set(namespace, nodeToJson(root, { export: true }));
  }
  writeEmulatorExport(dir, data);
  return [...data.keys()];
}
