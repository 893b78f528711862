import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { A4Error } from './a4-error.js';
import { HANDOFF_STORE_KEY, handoffLine, type TokenHandoff } from './token-handoff.js';

/**
 * Reads a virtual device's persistent store (the file given to the device with `--store` or
 * `IOTKIT_STORE_FILE`): a JSON object of strings. A missing file is an empty store.
 * @param file - the store file
 * @throws {@link A4Error} `a4/bad-store-file` when the file is not a JSON object of strings
 */
export function readDeviceStore(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new A4Error('a4/bad-store-file', `${file} is not JSON: is it a device store file?`, { cause });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new A4Error('a4/bad-store-file', `${file} must hold a JSON object (the device store)`);
  for (const [key, v] of Object.entries(value))
    if (typeof v !== 'string')
      throw new A4Error(
        'a4/bad-store-file',
        `${file}: entry "${key}" is not a string, so this is no device store`,
      );
  return value as Record<string, string>;
}

/**
 * Puts a hand-over into the store, keeping whatever else is there. The file is replaced
 * atomically (written beside it, then renamed), the way the device writes it too, so a running
 * device never reads half a file; it picks the hand-over up within a second.
 * @param file - the store file
 * @param handoff - the tokens
 */
export function writeHandoffToStore(file: string, handoff: TokenHandoff): void {
  const store = readDeviceStore(file);
  store[HANDOFF_STORE_KEY] = handoffLine(handoff);
  const temp = `${file}.provision.tmp`;
  writeFileSync(temp, `${JSON.stringify(store)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
