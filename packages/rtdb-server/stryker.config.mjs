// `pnpm bench:mutation rtdb-server`: mutates the data tree (src/core) and the rules (src/rules).
import { strykerConfig } from '../../scripts/stryker-base.mjs';

export default strykerConfig({ mutate: ['src/core/**/*.ts', 'src/rules/**/*.ts'], concurrency: 2 });
