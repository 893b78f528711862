import { readFileSync } from 'node:fs';
import { DevicesError } from '../core/devices-error.js';

/** How an app is compiled against the kit's prebuilt library (the kit build's `app-build.txt`). */
export interface AppRecipe {
  /** The C++ compiler the kit's library was built with. */
  readonly cxx: string;
  /** Compile flags (optimisation, standard, warnings), in order. */
  readonly flags: readonly string[];
  /** Include folders after the app's own: the kit's headers, then the system libraries'. */
  readonly includes: readonly string[];
  /** What the app is linked with, in order: the kit's entry point and libraries, then curl and cJSON. */
  readonly links: readonly string[];
}

/**
 * Reads the recipe the kit's CMake build writes (one `key=value` line per item).
 * @param file - the `app-build.txt` of a kit build folder
 */
export function readAppRecipe(file: string): AppRecipe {
  let cxx = '';
  const flags: string[] = [];
  const includes: string[] = [];
  const links: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (value === '') continue;
    if (key === 'cxx') cxx = value;
    else if (key === 'flag') flags.push(value);
    else if (key === 'include') includes.push(value);
    else if (key === 'link') links.push(value);
  }
  if (!cxx || links.length === 0)
    throw new DevicesError('devices/build-failed', `the kit's firmware build left an incomplete ${file}`);
  return { cxx, flags, includes, links };
}
