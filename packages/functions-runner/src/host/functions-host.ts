// The functions host: a Node process that imports a functions module and runs its database
// triggers against the local RTDB over the network, as the Cloud Functions runtime does. The
// runner starts it with `isolation: 'process'` and talks to it over file descriptor 3 (JSON
// lines); the host exits as soon as that channel closes, so it never outlives the runner.
import { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { startInlineRunner } from '../api/inline-runner.js';
import type { RunningFunctions } from '../api/runner-types.js';
import { FunctionsRunnerError } from '../core/functions-runner-error.js';
import type { HostConfig, HostMessage, RunnerMessage } from './host-protocol.js';
import { HOST_CONFIG_ENV, toWireError } from './host-protocol.js';
import { encodeJsonLine, JsonLinesDecoder } from './json-lines.js';

const channel = new Socket({ fd: 3, readable: true, writable: true });
const send = (message: HostMessage): void => {
  channel.write(encodeJsonLine(message));
};
const leave = (code: number): void => {
  channel.end(() => process.exit(code));
  setTimeout(() => process.exit(code), 1000).unref();
};

let runner: RunningFunctions | undefined;

/** A message about the bundled module, naming the module it was made from instead. */
function unbundled(message: string, bundle: string, module: string): string {
  return message
    .replaceAll(pathToFileURL(bundle).href, pathToFileURL(module).href)
    .replaceAll(bundle, module);
}
// A handler's floating promise that rejects would end Node (and every later trigger with it); the
// runtime logs it instead, and so does the host.
process.on('unhandledRejection', (reason) => {
  send({ type: 'log', line: `functions: unhandled rejection in the module: ${toWireError(reason).message}` });
});
channel.on('error', () => process.exit(1));
channel.on('close', () => process.exit(0));
const decoder = new JsonLinesDecoder();
channel.on('data', (chunk: Buffer) => {
  for (const message of decoder.push(chunk) as RunnerMessage[]) {
    if (message.type === 'idle') {
      void (runner?.idle() ?? Promise.resolve()).then(() => send({ type: 'idle', id: message.id }));
    } else if (message.type === 'stop') {
      void (runner?.stop() ?? Promise.resolve()).then(() => {
        send({ type: 'stopped' });
        leave(0);
      });
    }
  }
});

try {
  const config = JSON.parse(process.env[HOST_CONFIG_ENV] ?? '') as HostConfig;
  runner = await startInlineRunner({
    module: config.load ?? config.module,
    databaseHost: config.databaseHost,
    namespace: config.namespace,
    projectId: config.projectId,
    ...(config.location ? { location: config.location } : {}),
    log: (line) => send({ type: 'log', line }),
    onInvocation: ({ error, ...record }) =>
      send({ type: 'invocation', record: record.ok ? record : { ...record, error: toWireError(error) } }),
  });
  send({ type: 'started', triggers: runner.triggers, report: runner.report });
} catch (error) {
  const known = error instanceof FunctionsRunnerError;
  const config = JSON.parse(process.env[HOST_CONFIG_ENV] ?? '{}') as Partial<HostConfig>;
  const message = known ? error.message : `the functions host failed to start: ${String(error)}`;
  send({
    type: 'failed',
    code: known ? error.code : 'functions/load-failed',
    // name the module the user wrote, not the bundle made from it
    message: config.load && config.module ? unbundled(message, config.load, config.module) : message,
    details: known ? error.details : [],
  });
  leave(1);
}
