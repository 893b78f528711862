// `pnpm --filter @iotkit/a1-protocols lab <name>`: runs one lab, prints its table, writes its
// JSON and SVG chart under lab-results/.
import { A1_LAB_RESULTS_DIR } from './a1-paths.js';
import { LABS } from './labs/lab-catalog.js';
import { formatTable, writeLabResult } from './labs/lab-report.js';

const name = process.argv[2];
const lab = LABS.find((l) => l.name === name);
if (!lab) {
  process.stderr.write(
    `usage: pnpm --filter @iotkit/a1-protocols lab <name>; ${name ? `there is no lab "${name}"; ` : ''}labs: ${LABS.map((l) => l.name).join(', ')}\n`,
  );
  process.exit(2);
}
try {
  const result = await lab.run();
  process.stdout.write(`${result.lab}: ${result.title}\n\n${formatTable(result.rows)}\n\n`);
  const files = writeLabResult(result, A1_LAB_RESULTS_DIR);
  process.stdout.write(`wrote lab-results/${result.lab}.json and lab-results/${result.lab}.svg\n`);
  void files;
} catch (error) {
  process.stderr.write(`lab ${lab.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
