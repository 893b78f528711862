/** What the Classroom workflow needs to know. */
export interface ClassroomWorkflowOptions {
  /** Debian/Ubuntu packages the kit needs on the runner. */
  osPackages: readonly string[];
  /** Node major version for `actions/setup-node`. */
  nodeMajor: number;
  /** Exact pnpm version. */
  pnpmVersion: string;
}

/** Id of the grading step; the reporter reads `<ID>_RESULTS`. */
export const CLASSROOM_RUNNER = 'iotkit';

/**
 * The shell the grading step runs: grades the repository (public tests) with the standalone
 * grader, hands the runner result (base64, the format GitHub Classroom's reporter decodes) to
 * the step output, and fails the step unless every test passed. Exported so the kit's test runs
 * exactly what the runner runs.
 */
export const CLASSROOM_GRADE_COMMAND = [
  'pnpm exec iotkit-grader grade-one . . --out .iotkit-grading',
  'echo "result=$(cat .iotkit-grading/classroom-result.b64)" >> "$GITHUB_OUTPUT"',
  'cat .iotkit-grading/summary.txt',
  `node -e 'const r = JSON.parse(require("fs").readFileSync(".iotkit-grading/classroom-result.json", "utf8")); process.exit(r.status === "pass" ? 0 : 1)'`,
].join('\n');

/**
 * `.github/workflows/classroom.yml` for a GitHub Classroom assignment repository made from the
 * handout: on every push it installs the kit, runs the public graded tests and reports the points
 * through `classroom-resources/autograding-grader-reporter`.
 * @param options - packages and versions
 */
export function classroomWorkflow(options: ClassroomWorkflowOptions): string {
  const indent = (text: string, by: string): string =>
    text
      .split('\n')
      .map((line) => `${by}${line}`)
      .join('\n');
  return `# Grades every push with the public graded tests and reports the points to GitHub Classroom.
name: Autograding
on:
  push:
  workflow_dispatch:
  repository_dispatch:
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  grade:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    timeout-minutes: 30
    steps:
      - name: Checkout
        uses: actions/checkout@v4
      - name: OS packages
        run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${options.osPackages.join(' ')}
      - name: pnpm
        uses: pnpm/action-setup@v4
        with:
          version: ${options.pnpmVersion}
      - name: Node
        uses: actions/setup-node@v4
        with:
          node-version: ${options.nodeMajor}
      - name: Install
        run: pnpm install --no-frozen-lockfile
      - name: Public graded tests
        id: ${CLASSROOM_RUNNER}
        run: |
${indent(CLASSROOM_GRADE_COMMAND, '          ')}
      - name: Report points
        if: always()
        uses: classroom-resources/autograding-grader-reporter@v1
        env:
          ${CLASSROOM_RUNNER.toUpperCase()}_RESULTS: \${{ steps.${CLASSROOM_RUNNER}.outputs.result }}
        with:
          runners: ${CLASSROOM_RUNNER}
`;
}
