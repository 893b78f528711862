export { writeAutograderSource } from './autograder-source.js';
export { exportClassroom, type ClassroomExport, type ClassroomExportOptions } from './classroom-export.js';
export {
  CLASSROOM_GRADE_COMMAND,
  CLASSROOM_RUNNER,
  classroomWorkflow,
  type ClassroomWorkflowOptions,
} from './classroom-workflow.js';
export {
  exportGradescope,
  type GradescopeExport,
  type GradescopeExportOptions,
} from './gradescope-bundle.js';
export {
  gradescopeRunScript,
  gradescopeSetupScript,
  type GradescopeScriptOptions,
} from './gradescope-scripts.js';
export { gradescopeOutline, type GradescopeOutline, type GradescopeQuestion } from './gradescope-outline.js';
export { encodeZip, zipFolder, type ZipEntry } from './zip-writer.js';
