// `pnpm bench:mutation mapping`: mutates the mapping core; every test of this package is a unit test.
import { strykerConfig } from '../../scripts/stryker-base.mjs';

export default strykerConfig({ mutate: ['src/core/**/*.ts'] });
