// TypeDoc names a module after its path ("packages/auth/src"); name it after its package instead
// ("@iotkit/auth"), read from the package.json that owns the entry point. An entry point in a
// folder below `src` is a subpath export and keeps the folder ("@iotkit/rtdb-server/rules").
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Converter, ReflectionKind } from 'typedoc';

function packageName(start) {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const name = JSON.parse(readFileSync(file, 'utf8')).name;
    const below = relative(join(dir, 'src'), start);
    return below === '' || below.startsWith('..') ? name : `${name}/${below.split(sep).join('/')}`;
  }
  return undefined;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (_context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const name = packageName(resolve(process.cwd(), reflection.name));
    if (name) reflection.name = name;
  });
}
