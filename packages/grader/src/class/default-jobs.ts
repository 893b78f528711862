import { availableParallelism, freemem } from 'node:os';

/** What {@link defaultJobs} decides from; the machine's own figures when left out. */
export interface MachineShare {
  /** Cores this process may use. */
  readonly cores?: number;
  /** Free memory, in bytes. */
  readonly freeBytes?: number;
}

/** Submissions graded at once per core: a graded submission mostly waits on its devices. */
const JOBS_PER_CORE = 4;
/** Memory one job can hold at its peak (test worker, test process, devices, functions host). */
const BYTES_PER_JOB = 1024 ** 3;
/** More jobs than this only add start-up work, whatever the machine. */
const MAX_JOBS = 32;

/**
 * How many submissions `grade` and `mutants` grade at once unless told (`--jobs`). Measured on
 * A2 on 2 cores: a submission's tests spend most of their time waiting on virtual devices and the
 * backend (about 12 s of CPU in 45 s), so 2 jobs left the cores idle three quarters of the time;
 * four jobs per core keep them busy. Free memory caps it (1 GiB per job), and it is never below 1.
 * @param machine - overrides of the machine's figures (tests)
 */
export function defaultJobs(machine: MachineShare = {}): number {
  const cores = Math.max(1, Math.floor(machine.cores ?? availableParallelism()));
  const free = machine.freeBytes ?? freemem();
  const byMemory = Math.max(1, Math.floor(free / BYTES_PER_JOB));
  return Math.max(1, Math.min(cores * JOBS_PER_CORE, byMemory, MAX_JOBS));
}
