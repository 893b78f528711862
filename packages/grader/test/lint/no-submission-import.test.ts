import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
// @ts-expect-error: the rule is plain JavaScript loaded by the root ESLint config, without types
import { noSubmissionImport } from '../../lint/no-submission-import.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});
const test = '/kit/assignments/a9-x/grading/public/a9.test.ts';

tester.run('no-submission-import', noSubmissionImport, {
  valid: [
    { filename: test, code: "import { lab } from '../lab-module.js';" },
    { filename: test, code: "import { graded } from '@iotkit/grader/harness';" },
    {
      filename: '/kit/assignments/a9-x/grading/support/deep/x.ts',
      code: "import '../../public/helpers.js';",
    },
    { filename: test, code: "const m = await importSubmission('src/lab.ts');" },
    { filename: '/kit/assignments/a9-x/src/index.ts', code: "import '../companion/x.js';" },
  ],
  invalid: [
    {
      filename: test,
      code: "import { add } from '../../companion/src/lab.js';",
      errors: [{ messageId: 'outside' }],
    },
    { filename: test, code: "export * from '../../src/index.js';", errors: [{ messageId: 'outside' }] },
    { filename: test, code: "await import('../../firmware/x.js');", errors: [{ messageId: 'outside' }] },
    {
      filename: test,
      code: "await import(submissionPath('dist/calc.js'));",
      errors: [{ messageId: 'dynamic' }],
    },
    {
      filename: test,
      code: 'await import(`${submissionDir()}/dist/calc.js`);',
      errors: [{ messageId: 'dynamic' }],
    },
  ],
});
