import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One PlatformIO project file copied into the handout. */
export interface CopiedProjectFile {
  /** The file in the assignment. */
  from: string;
  /** Its copy in the handout. */
  to: string;
}

const LINK = /\b(symlink|file):\/\/([^\s;]+)/g;

/**
 * PlatformIO projects pull the kit's C++ in with `symlink://` / `file://` library dependencies
 * relative to the project. In the monorepo those point at `firmware/`; in a handout that folder is
 * a vendored copy, so each link into a vendored package is rewritten to the copy. Links anywhere
 * else, and links to parts that were not vendored, stay as they are.
 * @param file - a copied `platformio.ini`
 * @param copies - vendored package folder in the monorepo → its copy in the handout
 * @returns how many links were rewritten
 */
export function rewriteLibraryLinks(file: CopiedProjectFile, copies: ReadonlyMap<string, string>): number {
  const text = readFileSync(file.to, 'utf8');
  let rewritten = 0;
  const updated = text.replace(LINK, (link: string, scheme: string, path: string) => {
    const target = resolve(dirname(file.from), path);
    for (const [source, copy] of copies) {
      if (target !== source && !target.startsWith(source + sep)) continue;
      const copied = join(copy, relative(source, target));
      if (!existsSync(copied)) return link;
      rewritten += 1;
      return `${scheme}://${relative(dirname(file.to), copied).split(sep).join('/')}`;
    }
    return link;
  });
  if (rewritten > 0) writeFileSync(file.to, updated);
  return rewritten;
}
