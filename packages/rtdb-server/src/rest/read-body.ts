import type { IncomingMessage } from 'node:http';
import { RtdbError } from '../core/rtdb-error.js';

/** Reads the request body as UTF-8, refusing (`rtdb/too-big`) past `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(tooBig(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        chunks.length = 0;
        reject(tooBig(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      // Small bodies arrive in one chunk: decode it as it is, without a copy.
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!failed)
        reject(
          new RtdbError(
            'rtdb/invalid-data',
            `Invalid data; the request body could not be read (${error.message})`,
          ),
        );
    });
  });
}

function tooBig(maxBytes: number): RtdbError {
  return new RtdbError(
    'rtdb/too-big',
    `Data to write exceeds the maximum size that can be modified with a single request (${maxBytes} bytes)`,
  );
}

/** Parses a request body as JSON (`rtdb/invalid-json` when it is not). */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new RtdbError('rtdb/invalid-json', 'No data supplied.');
  try {
    return JSON.parse(text);
  } catch {
    throw new RtdbError('rtdb/invalid-json', "Invalid data; couldn't parse JSON object, array, or value.");
  }
}
