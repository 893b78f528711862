import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Extensions Node loads without a TypeScript loader. */
const PLAIN_JS = new Set(['.js', '.mjs', '.cjs', '.json', '.node']);

/**
 * The functions host and the functions module as plain JavaScript, written beside the module so
 * that the module's own imports resolve from where they always did.
 */
export interface HostBundle {
  /** The host entry to run with plain Node. */
  readonly hostEntry: string;
  /** The module to import in place of the original. */
  readonly module: string;
  /** Deletes both files (once the host has imported them, or failed to). */
  remove(): void;
}

/** The `type` of the package a file belongs to (the nearest `package.json`), `commonjs` by default. */
function packageType(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type ?? 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (dirname(dir) === dir) return 'commonjs';
  }
}

/**
 * Keeps an import out of the bundle when Node can load what it resolves to (a package's
 * JavaScript), and bundles it when it needs a TypeScript loader (the kit's workspace sources).
 * `absolute` rewrites kept imports to the file they resolve to here, so the bundle may live
 * elsewhere and still load the same copy.
 */
function plainPackagesExternal(absolute: boolean): Plugin {
  return {
    name: 'plain-packages-external',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'inner' || args.path.startsWith('node:')) return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'inner',
        });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        if (!PLAIN_JS.has(extname(resolved.path))) return resolved;
        return { path: absolute ? resolved.path : args.path, external: true };
      });
    },
  };
}

async function bundleOne(entry: string, absoluteExternals: boolean): Promise<string | undefined> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@iotkit/source', 'node'],
    sourcemap: 'inline',
    logLevel: 'silent',
    metafile: true,
    plugins: [plainPackagesExternal(absoluteExternals)],
  });
  const input = Object.entries(result.metafile.inputs).find(([, v]) => v.format === 'cjs');
  // CommonJS inside the bundle would lose its named exports, which is what the host reads
  if (input) return undefined;
  return result.outputFiles[0]?.text;
}

/** The host's bundle by entry file: the same for every host this process starts, so built once. */
const hostBundles = new Map<string, Promise<string | undefined>>();

/**
 * Bundles the host entry and the functions module with esbuild, so the host runs on plain Node
 * instead of under tsx's loader: tsx routes every module the host loads through its hooks, and a
 * host with the Firebase SDKs took about 1.7 s of CPU to start that way, against 0.75 s bundled.
 *
 * Returns `undefined` (start the host the old way, under tsx) when the module is CommonJS, when
 * esbuild cannot bundle it (the host then reports the error as it always did), or when its folder
 * cannot be written. Nothing of the module runs here: esbuild only reads it.
 * @param modulePath - the functions module (absolute path)
 * @param hostEntry - the host's entry file
 */
export async function bundleForHost(modulePath: string, hostEntry: string): Promise<HostBundle | undefined> {
  const ext = extname(modulePath);
  const esm =
    ext === '.mjs' ||
    ext === '.mts' ||
    (ext !== '.cjs' && ext !== '.cts' && packageType(modulePath) === 'module');
  if (!esm) return undefined;
  let hostCode: string | undefined;
  let moduleCode: string | undefined;
  try {
    let host = hostBundles.get(hostEntry);
    if (!host) hostBundles.set(hostEntry, (host = bundleOne(hostEntry, true)));
    [hostCode, moduleCode] = await Promise.all([host, bundleOne(modulePath, false)]);
  } catch {
    return undefined;
  }
  if (hostCode === undefined || moduleCode === undefined) return undefined;
  const tag = `${basename(modulePath, ext)}-${randomBytes(4).toString('hex')}`;
  const dir = dirname(modulePath);
  const files = {
    hostEntry: join(dir, `.iotkit-host-${tag}.mjs`),
    module: join(dir, `.iotkit-module-${tag}.mjs`),
  };
  const remove = (): void => {
    for (const file of Object.values(files)) rmSync(file, { force: true });
  };
  try {
    writeFileSync(files.hostEntry, hostCode);
    writeFileSync(files.module, moduleCode);
  } catch {
    remove();
    return undefined;
  }
  return { ...files, remove };
}
