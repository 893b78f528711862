/** What the Gradescope scripts need to know about the kit and the assignment. */
export interface GradescopeScriptOptions {
  /** Debian/Ubuntu packages the kit needs (compilers, libraries, bubblewrap for the sandbox). */
  osPackages: readonly string[];
  /** Node major version installed when the image has none (or an older one). */
  nodeMajor: number;
  /** Exact pnpm version. */
  pnpmVersion: string;
}

/**
 * `setup.sh`: run once by Gradescope as root when the image is built. Installs the OS packages,
 * Node and pnpm, then the kit's dependencies in `source/`. `IOTKIT_SETUP_SKIP_SYSTEM=1` skips
 * the system part (a machine that already has it, and the kit's own test of the bundle);
 * `IOTKIT_AUTOGRADER_ROOT` replaces `/autograder`.
 * @param options - packages and versions
 */
export function gradescopeSetupScript(options: GradescopeScriptOptions): string {
  return `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
set -euo pipefail
ROOT="\${IOTKIT_AUTOGRADER_ROOT:-/autograder}"

if [ "\${IOTKIT_SETUP_SKIP_SYSTEM:-0}" != "1" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends ca-certificates curl gnupg ${options.osPackages.join(' ')}
  node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$node_major" -lt ${options.nodeMajor} ]; then
    curl -fsSL https://deb.nodesource.com/setup_${options.nodeMajor}.x | bash -
    apt-get install -y nodejs
  fi
  npm install -g pnpm@${options.pnpmVersion}
fi

cd "$ROOT/source"
# No lockfile travels with the bundle; the exact versions are pinned in package.json.
pnpm install --prefer-offline --no-frozen-lockfile
# Submission code runs as an unprivileged user: it needs to read the kit's dependencies, never the tests.
chmod -R a+rX "$ROOT/source"
chmod -R go-rwx "$ROOT/source/grading"
`;
}

/**
 * `run_autograder`: run by Gradescope as root for every submission. Grades
 * `/autograder/submission` (public and hidden tests, submission code inside the grader's
 * sandbox) and writes `/autograder/results/results.json`; when the grader itself fails it still
 * writes a valid results file that says so. `IOTKIT_AUTOGRADER_ROOT` replaces `/autograder`.
 */
export function gradescopeRunScript(): string {
  return `#!/usr/bin/env bash
# Gradescope runs this, as root, once per submission.
set -uo pipefail
ROOT="\${IOTKIT_AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
SUBMISSION="$ROOT/submission"
RESULTS="$ROOT/results"
# Full reports (instructor feedback names hidden tests) stay outside results/, which students see.
REPORTS="$ROOT/iotkit-reports"
mkdir -p "$RESULTS"
rm -rf "$REPORTS"

# An upload of one folder (the assignment folder itself) is graded from inside that folder.
if [ ! -e "$SUBMISSION/package.json" ]; then
  only="$(find "$SUBMISSION" -mindepth 1 -maxdepth 1 ! -name '.*' ! -name '__MACOSX')"
  if [ -n "$only" ] && [ "$(printf '%s\\n' "$only" | wc -l)" -eq 1 ] && [ -e "$only/package.json" ]; then
    SUBMISSION="$only"
  fi
fi

cd "$SOURCE"
node node_modules/@iotkit/grader/bin/iotkit-grader.mjs grade-one "$SOURCE" "$SUBMISSION" --out "$REPORTS" --hidden
status=$?

if [ -f "$REPORTS/gradescope-results.json" ]; then
  cp "$REPORTS/gradescope-results.json" "$RESULTS/results.json"
else
  cat > "$RESULTS/results.json" <<JSON
{"score": 0, "output": "The autograder could not grade this submission (grader exit status $status). This is not a verdict on your work: tell your instructor, who can re-run it.", "visibility": "visible", "tests": []}
JSON
fi
exit 0
`;
}
