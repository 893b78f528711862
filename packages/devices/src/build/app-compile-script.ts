import type { AppRecipe } from './app-recipe.js';

/** Quotes one word for `sh`. */
function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Options of {@link appCompileScript}. */
export interface AppCompileScriptOptions {
  /** The kit's recipe. */
  readonly recipe: AppRecipe;
  /** The app folder (first on the include path). */
  readonly appDir: string;
  /** The app's `.cpp` files, absolute. */
  readonly sources: readonly string[];
  /** Folder for object files and compiler logs. */
  readonly objectDir: string;
  /** Path of the executable to link. */
  readonly output: string;
  /** Compilers run at once (default 2). */
  readonly parallel?: number;
}

/**
 * The `sh` script that compiles an app's sources against the kit's prebuilt libraries and links
 * the virtual device: one program, so a sandbox is entered once per build. Compiles run two at a
 * time; each one's messages go to its own log, printed in source order after it ends, so the
 * first file's errors come first and lines of parallel compilers never mix.
 * @param options - see {@link AppCompileScriptOptions}
 */
export function appCompileScript(options: AppCompileScriptOptions): string {
  const { recipe, appDir, sources, objectDir } = options;
  const parallel = Math.max(1, options.parallel ?? 2);
  const compileFlags = [...recipe.flags, `-I${appDir}`, ...recipe.includes.map((d) => `-I${d}`)];
  const lines = ['set -u', 'failed=0', `mkdir -p ${quote(objectDir)} || exit 1`];
  const objects: string[] = [];
  for (let start = 0; start < sources.length; start += parallel) {
    const batch = sources.slice(start, start + parallel);
    batch.forEach((source, i) => {
      const n = start + i;
      const object = `${objectDir}/${n}.o`;
      objects.push(object);
      const words = [recipe.cxx, ...compileFlags, '-c', source, '-o', object];
      lines.push(`${words.map(quote).join(' ')} >${quote(`${objectDir}/${n}.log`)} 2>&1 &`, `p${n}=$!`);
    });
    batch.forEach((_, i) => {
      const n = start + i;
      lines.push(`wait "$p${n}" || failed=1`, `cat ${quote(`${objectDir}/${n}.log`)}`);
    });
  }
  lines.push('[ "$failed" = 0 ] || exit 1');
  lines.push(`exec ${[recipe.cxx, '-o', options.output, ...objects, ...recipe.links].map(quote).join(' ')}`);
  return `${lines.join('\n')}\n`;
}
