import { gradeSubmission, loadAssignment, toConsoleTable } from '@iotkit/grader';
const assignment = loadAssignment('/work/main/assignments/a2-sensor-servo');
const t = Date.now();
const result = await gradeSubmission({ assignment, submissionDir: process.argv[2] ?? null, submissionId: 'ref', includeHidden: process.argv[3] === 'hidden' });
console.log(toConsoleTable ? toConsoleTable(result as never, true) : '');
console.log(result.score, result.maxScore, result.outcome, Date.now() - t, 'ms');
for (const tr of result.tests) if (tr.status !== 'passed') console.log(JSON.stringify(tr, null, 1).slice(0, 3000));
if (result.runnerOutput) console.log(result.runnerOutput.slice(-3000));
