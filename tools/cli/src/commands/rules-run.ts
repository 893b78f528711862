import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isRtdbError, parsePath } from '@iotkit/rtdb-server';
import type { QuerySpec } from '@iotkit/rtdb-server';
import {
  explainRequest,
  formatTrace,
  parseRules,
  passwordUser,
  rulesFileFromFirebaseJson,
  parseRestOptions,
  RulesEvaluator,
} from '@iotkit/rtdb-server/rules';
import { CliError } from '../cli-error.js';
import type { CommandArgs, CommandIo } from '../command.js';

const METHODS = new Set(['GET', 'PUT', 'POST', 'PATCH', 'DELETE']);

function jsonOption(name: string, text: string | boolean | undefined): unknown {
  if (typeof text !== 'string') return undefined;
  const source = text.startsWith('@') ? readFileSync(resolve(text.slice(1)), 'utf8') : text;
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new CliError('cli/usage', `--${name} must be JSON (or @file holding JSON): ${String(error)}`);
  }
}

function serverUrl(args: CommandArgs, io: CommandIo): string {
  const url = args.values['url'];
  if (typeof url === 'string') return url.replace(/\/$/, '');
  const host = io.env['FIREBASE_DATABASE_EMULATOR_HOST'];
  return host ? `http://${host}` : 'http://127.0.0.1:9000';
}

async function fetchText(url: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: 'Bearer owner' } });
  } catch (error) {
    throw new CliError(
      'cli/backend-failed',
      `cannot reach ${url} (${String(error)}); is \`pnpm iotkit start\` running?`,
    );
  }
  const text = await res.text();
  if (!res.ok)
    throw new CliError('cli/backend-failed', `${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/** Rules text, its name and the current data, from a file or a running server. */
async function sources(
  args: CommandArgs,
  io: CommandIo,
): Promise<{ text: string; name: string; data: unknown; from: string }> {
  const rulesOption = args.values['rules'];
  const remote =
    typeof args.values['url'] === 'string' ||
    (typeof args.values['ns'] === 'string' && rulesOption === undefined);
  const existing = jsonOption('existing', args.values['existing']);
  if (remote) {
    const base = serverUrl(args, io);
    const ns = typeof args.values['ns'] === 'string' ? `?ns=${encodeURIComponent(args.values['ns'])}` : '';
    const text = await fetchText(`${base}/.settings/rules.json${ns}`);
    const data =
      existing !== undefined
        ? existing
        : (JSON.parse(await fetchText(`${base}/.json${ns}${ns ? '&' : '?'}format=export`)) as unknown);
    return { text, name: 'rules.json', data, from: `${base}${ns}` };
  }
  const file = typeof rulesOption === 'string' ? resolve(rulesOption) : rulesFileFromFirebaseJson(io.root);
  if (!file)
    throw new CliError(
      'cli/missing-config',
      'no --rules file given and firebase.json names no database rules',
    );
  if (!existsSync(file)) throw new CliError('cli/missing-config', `rules file ${file} does not exist`);
  const name = file.split(/[\\/]/).pop() ?? file;
  return { text: readFileSync(file, 'utf8'), name, data: existing ?? null, from: file };
}

interface DenialLine {
  time: string;
  ns: string;
  operation: string;
  path: string;
  uid: string | null;
  reason: string;
}

/** `rules denials`: the recent refusals of a running server, oldest first. */
async function printDenials(args: CommandArgs, io: CommandIo): Promise<number> {
  const base = serverUrl(args, io);
  const ns = typeof args.values['ns'] === 'string' ? `?ns=${encodeURIComponent(args.values['ns'])}` : '';
  const denials = JSON.parse(await fetchText(`${base}/.inspect/denials.json${ns}`)) as DenialLine[];
  if (denials.length === 0) io.out('no denials recorded');
  for (const d of denials) {
    io.out(
      `${d.time}  ${d.ns}  ${d.operation} ${d.path}  ${d.uid === null ? 'unauthenticated' : `uid ${d.uid}`}`,
    );
    io.out(`    ${d.reason}`);
  }
  return 0;
}

/**
 * Runs `iotkit rules`, loaded only when that command is chosen.
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runRules(args: CommandArgs, io: CommandIo): Promise<number> {
  const [sub, methodText, path] = args.positionals;
  if (sub === 'denials' && args.positionals.length === 1) return printDenials(args, io);
  if (sub !== 'explain' || !methodText || !path || args.positionals.length > 3) {
    throw new CliError(
      'cli/usage',
      'usage: pnpm iotkit rules explain <METHOD> <PATH> [--as UID] [--data JSON]  |  pnpm iotkit rules denials [--ns NAME]',
    );
  }
  const method = methodText.toUpperCase();
  if (!METHODS.has(method))
    throw new CliError(
      'cli/usage',
      `METHOD must be one of GET, PUT, POST, PATCH, DELETE, not "${methodText}"`,
    );
  const as = args.values['as'];
  const claims = jsonOption('claims', args.values['claims']);
  if (claims !== undefined && (claims === null || typeof claims !== 'object' || Array.isArray(claims))) {
    throw new CliError('cli/usage', '--claims must be a JSON object');
  }
  const body = jsonOption('data', args.values['data']);
  const queryText = args.values['query'];
  const { text, name, data, from } = await sources(args, io);
  try {
    const query: QuerySpec | undefined =
      typeof queryText === 'string' ? parseRestOptions(new URLSearchParams(queryText)).query : undefined;
    if (query && method !== 'GET') throw new CliError('cli/usage', '--query only applies to GET');
    const rules = parseRules(text, name);
    const auth =
      as === 'owner'
        ? 'admin'
        : typeof as === 'string'
          ? passwordUser(as, (claims ?? {}) as Record<string, unknown>)
          : null;
    const trace = explainRequest(rules, data, {
      method,
      path,
      auth,
      ...(body === undefined ? {} : { body }),
      ...(query ? { query } : {}),
    });
    io.out(`rules: ${from}`);
    io.out(formatTrace(trace));
    if (query?.index.kind === 'child') {
      const location = parsePath(path.replace(/\.json$/, ''));
      const child = query.index.path.join('/');
      if (!new RulesEvaluator(rules).hasIndex(location, query.index)) {
        io.out(
          `  note: no ".indexOn": "${child}" at ${path}; REST answers 400 "Index not defined" and SDK listens warn`,
        );
      }
    }
    return trace.allowed || args.values['check'] !== true ? 0 : 3;
  } catch (error) {
    if (isRtdbError(error))
      throw new CliError(
        error.code === 'rtdb/invalid-rules' ? 'cli/invalid-config' : 'cli/usage',
        error.message,
      );
    throw error;
  }
}
