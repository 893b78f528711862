// TypeDoc names a module after its path ("packages/auth/src"); name it after its package instead
// ("@iotkit/auth"), read from the package.json that owns the entry point.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Converter, ReflectionKind } from 'typedoc';

function packageName(start) {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).name;
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
