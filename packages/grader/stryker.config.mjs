// `pnpm bench:mutation grader`: mutates the grader core (manifest, config, observations, scores).
import { strykerConfig } from '../../scripts/stryker-base.mjs';

// The fixture submissions are not needed by the unit tests and are large to copy into the sandbox.
export default strykerConfig({ mutate: ['src/core/**/*.ts'], ignorePatterns: ['test/fixtures'] });
