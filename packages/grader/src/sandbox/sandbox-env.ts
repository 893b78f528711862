import { delimiter, dirname } from 'node:path';

/**
 * The environment of a sandboxed program: a PATH with Node's folder, HOME in its working folder,
 * a private TMPDIR, the kit's `IOTKIT_*` / `FIREBASE_*` settings (never the grader's internal
 * ones), then `extra`. Nothing else of the grader's environment passes.
 * @param cwd - the program's working folder (its HOME)
 * @param extra - variables that win over the rest
 */
export function sandboxEnv(cwd: string, extra: Record<string, string> = {}): Record<string, string> {
  const path = [...new Set([dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'])].join(
    delimiter,
  );
  const env: Record<string, string> = { PATH: path, HOME: cwd, TMPDIR: '/tmp', LANG: 'C.UTF-8' };
  for (const [key, value] of Object.entries(process.env)) {
    const internal = key.startsWith('IOTKIT_GRADER_') || key.startsWith('IOTKIT_SANDBOX');
    if (value !== undefined && !internal && (key.startsWith('IOTKIT_') || key.startsWith('FIREBASE_')))
      env[key] = value;
  }
  return { ...env, ...extra };
}
