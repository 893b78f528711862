import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RtdbError } from '../core/rtdb-error.js';

/** Folder of database files inside an Emulator Suite export directory. */
export const DATABASE_EXPORT_DIR = 'database_export';
const METADATA_FILE = 'firebase-export-metadata.json';

/**
 * Reads `<dir>/database_export/<namespace>.json` files, the layout `firebase emulators:export`
 * writes: one JSON file per namespace holding the export-format value of its root.
 */
export function readEmulatorExport(dir: string): Map<string, unknown> {
  const folder = join(dir, DATABASE_EXPORT_DIR);
  if (!existsSync(folder)) {
    throw new RtdbError(
      'rtdb/not-found',
      `No ${DATABASE_EXPORT_DIR}/ folder in ${dir} (expected an Emulator Suite export)`,
    );
  }
  const out = new Map<string, unknown>();
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.json')) continue;
    const namespace = file.slice(0, -'.json'.length);
    try {
      out.set(namespace, JSON.parse(readFileSync(join(folder, file), 'utf8')));
    } catch (cause) {
      throw new RtdbError('rtdb/invalid-json', `${join(folder, file)} is not valid JSON`, { cause });
    }
  }
  return out;
}

/**
 * Writes one `<namespace>.json` per namespace into `<dir>/database_export/`, and records the
 * database part in `firebase-export-metadata.json` (keeping what other emulators wrote there).
 */
export function writeEmulatorExport(dir: string, data: Map<string, unknown>): void {
  const folder = join(dir, DATABASE_EXPORT_DIR);
  mkdirSync(folder, { recursive: true });
  for (const [namespace, value] of data) {
    const file = join(folder, `${namespace}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(value));
    renameSync(`${file}.tmp`, file);
  }
  const metadataFile = join(dir, METADATA_FILE);
  let metadata: Record<string, unknown> = {};
  if (existsSync(metadataFile)) {
    try {
      metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, unknown>;
    } catch {
      metadata = {};
    }
  }
  metadata['version'] ??= '15.34.2';
  metadata['database'] = { version: 'iotkit-rtdb-server', path: DATABASE_EXPORT_DIR };
  writeFileSync(metadataFile, JSON.stringify(metadata, null, 2));
}
