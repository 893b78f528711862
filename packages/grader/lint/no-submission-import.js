// ESLint rule for graded tests (`assignments/*/grading/**`): student code must never be imported
// into the test process, where it would share the test's memory and rights. Tests reach it
// through the grader's harness instead (importSubmission, runSubmission, sandboxed devices and
// functions). Flags imports that leave the `grading/` folder and dynamic imports of
// submissionPath()/submissionDir().
import { dirname, resolve, sep } from 'node:path';

const SUBMISSION_HELPERS = new Set(['submissionPath', 'submissionDir']);

/** The `grading` folder a file sits in, or undefined. */
function gradingRoot(file) {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('grading');
  return at < 0 ? undefined : parts.slice(0, at + 1).join(sep);
}

function mentionsSubmission(node) {
  if (!node || typeof node !== 'object') return false;
  if (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    SUBMISSION_HELPERS.has(node.callee.name)
  )
    return true;
  if (node.type === 'Identifier' && SUBMISSION_HELPERS.has(node.name)) return true;
  for (const key of ['arguments', 'expressions', 'quasis', 'left', 'right', 'callee', 'object', 'argument']) {
    const value = node[key];
    if (Array.isArray(value) ? value.some(mentionsSubmission) : mentionsSubmission(value)) return true;
  }
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noSubmissionImport = {
  meta: {
    type: 'problem',
    docs: { description: 'graded tests must not import the submission into the test process' },
    messages: {
      outside:
        "'{{source}}' is outside grading/: a graded test must not import the submission. Use importSubmission(), runSubmission() or a sandboxed device/functions runner from @iotkit/grader/harness.",
      dynamic:
        'import() of a submission path runs student code inside the test process. Use importSubmission(path) from @iotkit/grader/harness: it runs the module in the sandbox.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const root = gradingRoot(file);
    if (!root) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      if (target !== root && !target.startsWith(`${root}${sep}`))
        context.report({ node, messageId: 'outside', data: { source } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
        else if (mentionsSubmission(node.source)) context.report({ node, messageId: 'dynamic' });
      },
    };
  },
};

/** The plugin object for the flat config. */
export const gradingLintPlugin = { rules: { 'no-submission-import': noSubmissionImport } };
