// Runs inside the sandbox: loads one module of the submission and answers the test's calls over
// the IPC channel (structured clone both ways). Nothing of the test process is reachable from here.
import { pathToFileURL } from 'node:url';
import { toWireError, type ExportInfo, type FromWorker, type ToWorker } from './worker-protocol.js';

const send = (message: FromWorker): Promise<void> =>
  new Promise((resolve) => {
    try {
      process.send?.(message, undefined, undefined, () => resolve());
    } catch (error) {
      const id = 'id' in message ? message.id : -1;
      process.send?.(
        {
          type: 'error',
          id,
          error: {
            name: 'DataCloneError',
            code: 'grader/not-clonable',
            message: `the value cannot be copied out of the sandbox (${(error as Error).message}); return plain data: numbers, strings, arrays, objects, Maps, Sets, Dates`,
          },
        } satisfies FromWorker,
        undefined,
        undefined,
        () => resolve(),
      );
    }
  });

function describeExport(name: string, value: unknown): ExportInfo {
  if (typeof value === 'function') return { name, kind: 'function' };
  try {
    return { name, kind: 'value', value: structuredClone(value) };
  } catch {
    return { name, kind: 'opaque' };
  }
}

const modulePath = process.argv[2] ?? '';
let loaded: Record<string, unknown>;
try {
  loaded = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
} catch (error) {
  await send({ type: 'load-failed', error: toWireError(error) });
  process.exit(1);
}
const mod = loaded;

process.on('message', (message: ToWorker) => {
  if (message?.type !== 'call') return;
  const fn = mod[message.name];
  void (async () => {
    try {
      if (typeof fn !== 'function') throw new TypeError(`${message.name} is not a function`);
      const value: unknown = await (fn as (...args: unknown[]) => unknown)(...message.args);
      await send({ type: 'result', id: message.id, value });
    } catch (error) {
      await send({ type: 'error', id: message.id, error: toWireError(error) });
    }
  })();
});
await send({ type: 'ready', exports: Object.keys(mod).map((name) => describeExport(name, mod[name])) });
