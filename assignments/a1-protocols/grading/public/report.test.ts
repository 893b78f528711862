// Assignment 1, public graded tests of the report: the automatic checks (the rubric is in
// ../support/report-rubric.ts). The argument itself is graded by hand (the manifest's manual items).
import { graded } from '@iotkit/grader/harness';
import { checkEvidence, checkSections } from '../support/report-checks.js';
import { readLabResults, readReport, scoreChecks } from '../support/report-input.js';

graded('report: six sections, each with enough prose and its key concepts', 10, (context) => {
  const markdown = readReport(context);
  scoreChecks(
    context,
    10,
    checkSections(markdown),
    'report/report.md has the six sections of the template, each with at least 150 words of your own and the key concepts the rubric lists',
  );
});

graded(
  'report: every lab figure placed and cited, numbers match your lab-results, references listed',
  10,
  (context) => {
    const markdown = readReport(context);
    scoreChecks(
      context,
      10,
      checkEvidence(markdown, readLabResults()),
      'every lab figure placed with <!-- lab: name -->, at least one number of each lab cited as {{lab | row | column = value}} matching your lab-results/*.json, and at least 3 references',
    );
  },
);
