// The Pages workflow parses with GitHub's own workflow parser and does what the README promises:
// build on pushes to main, upload the site folder, deploy it to GitHub Pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './site-paths.js';

const WORKFLOW = join(REPO_ROOT, '.github', 'workflows', 'docs.yml');

async function load(content: string) {
  const parsed = parseWorkflow({ name: 'docs.yml', content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value) return { errors, template: undefined };
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return { errors: (template.errors ?? []).map((e) => e.Message), template };
}

describe('.github/workflows/docs.yml', () => {
  const content = readFileSync(WORKFLOW, 'utf8');

  it('parses without errors and builds then deploys to GitHub Pages', async () => {
    const { errors, template } = await load(content);
    expect(errors).toEqual([]);
    const jobs = template?.jobs ?? [];
    expect(jobs.map((job) => job.id.value)).toEqual(['build', 'deploy']);
    const uses = jobs.flatMap((job) =>
      job.type === 'job'
        ? job.steps.map((step) => ('uses' in step ? step.uses.value.split('@')[0] : 'run'))
        : [],
    );
    expect(uses).toEqual(
      expect.arrayContaining(['actions/checkout', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
    expect(content).toMatch(/branches: \[main\]/);
    expect(content).toMatch(/pages: write/);
    expect(content).toMatch(/id-token: write/);
    expect(content).toContain('run: pnpm run docs --hostedBaseUrl');
    expect(content).toMatch(/path: site\n/);
  });

  it('is checked for real: a broken workflow is reported', async () => {
    const { errors } = await load(content.replace('runs-on: ubuntu-latest', 'runs-on: [ubuntu-latest\n'));
    expect(errors.length).toBeGreaterThan(0);
  });
});
