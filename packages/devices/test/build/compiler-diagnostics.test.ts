import { describe, expect, it } from 'vitest';
import { compilerDiagnostics } from '../../src/build/compiler-diagnostics.js';

const APP = '/tmp/iotkit-grade-x1/submission/firmware/src/app';

// What gcc 12 prints for a missing semicolon, as make relays it.
const LOG = [
  '[ 95%] Building CXX object CMakeFiles/a2-device.dir/a2_app.cpp.o',
  `${APP}/a2_app.cpp: In member function 'void A2App::onKey(char)':`,
  `${APP}/a2_app.cpp:42:18: error: expected ';' before 'return'`,
  '   42 |     entry_.clear()',
  '      |                  ^',
  '      |                  ;',
  `${APP}/a2_app.cpp:57:3: error: 'lcdText' was not declared in this scope`,
  '   57 |   lcdText(1, "IR");',
  '      |   ^~~~~~~',
  '/usr/include/c++/12/bits/stl_vector.h:10:1: error: something in a header',
  'make[2]: *** [CMakeFiles/a2-device.dir/build.make:76: CMakeFiles/a2-device.dir/a2_app.cpp.o] Error 1',
].join('\n');

describe('compilerDiagnostics', () => {
  it('keeps the errors in order, relative to the submission, each with its source line', () => {
    expect(compilerDiagnostics(LOG, APP)).toEqual([
      "src/app/a2_app.cpp:42: error: expected ';' before 'return'\n    entry_.clear()",
      'src/app/a2_app.cpp:57: error: \'lcdText\' was not declared in this scope\n    lcdText(1, "IR");',
    ]);
  });

  it('quotes no file outside the app, so an #include of another file cannot leak its lines', () => {
    const leak = [
      `In file included from ${APP}/a2_app.cpp:3:`,
      '/srv/kit/grading/hidden/a2-hidden.test.ts:1:1: error: expected unqualified-id before string constant',
      "    1 | import { secret } from 'hidden';",
    ].join('\n');
    expect(compilerDiagnostics(leak, APP)).toEqual([]);
  });

  it('never shows the temporary build folder', () => {
    for (const line of compilerDiagnostics(LOG, APP)) expect(line).not.toContain('/tmp/');
  });

  it('finds nothing in a log without errors, and stops after eight', () => {
    expect(compilerDiagnostics('[100%] Built target a2-device\nwarning: unused variable', APP)).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => `${APP}/x.cpp:${i + 1}:1: error: e${i}`).join('\n');
    expect(compilerDiagnostics(many, APP)).toHaveLength(8);
  });

  it('reads fatal errors such as a missing header', () => {
    expect(
      compilerDiagnostics(`${APP}/x.cpp:1:10: fatal error: nope.h: No such file or directory`, APP),
    ).toEqual(['src/app/x.cpp:1: fatal error: nope.h: No such file or directory']);
  });
});
