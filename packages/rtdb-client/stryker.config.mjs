// `pnpm bench:mutation rtdb-client`: mutates the client core (paths, keys, values, queries, errors).
import { strykerConfig } from '../../scripts/stryker-base.mjs';

export default strykerConfig({ mutate: ['src/core/**/*.ts'] });
