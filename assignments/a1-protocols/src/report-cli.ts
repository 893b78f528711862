// `pnpm --filter @iotkit/a1-protocols report`: report/report.md → report/report.html and
// report/report.pdf, with the labs' latest tables and charts embedded.
import { A1_ROOT } from './a1-paths.js';
import { renderReport } from './report/render-report.js';

try {
  const done = await renderReport({ root: A1_ROOT });
  process.stdout.write(
    `wrote report/report.html and report/report.pdf (figures: ${done.embedded.join(', ') || 'none'})\n`,
  );
  if (done.missing.length > 0)
    process.stdout.write(
      `no results yet for ${done.missing.join(', ')}: run \`pnpm --filter @iotkit/a1-protocols lab <name>\` for each, then render again\n`,
    );
} catch (error) {
  process.stderr.write(`report failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
