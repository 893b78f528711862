import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DevicesError } from '@iotkit/devices';

/** What the first test file of a submission left for the others. */
interface BuildRecord {
  /** The device it built. */
  executable?: string;
  /** Or the compile error it got. */
  error?: string;
}

const COMPILE_ERROR = /^your firmware does not compile/;

function readRecord(file: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
}

function writeRecord(file: string, record: BuildRecord): void {
  // written whole or not at all: a test file started after a kill never reads half a record
  writeFileSync(`${file}.tmp`, JSON.stringify(record));
  renameSync(`${file}.tmp`, file);
}

/**
 * One firmware build per graded submission instead of one per test file. The grader names a
 * folder of its own for the submission (`IOTKIT_DEVICE_BUILDS`, which the submission cannot
 * read); the first test file to need the device builds it and records the executable there, or
 * the compiler's errors; the submission's later test files reuse the executable or fail with the
 * same errors. A build that did not finish (a time limit) is not recorded: the next file tries
 * again. Without the variable (plain vitest, `iotkit check`) every call builds.
 * @param name - the device name (`a2`)
 * @param build - builds the submission's firmware
 */
export async function buildOncePerSubmission(name: string, build: () => Promise<string>): Promise<string> {
  const dir = process.env.IOTKIT_DEVICE_BUILDS;
  if (!dir || !existsSync(dir)) return build();
  const file = join(dir, `${name}.json`);
  const earlier = readRecord(file);
  if (earlier?.executable !== undefined && existsSync(earlier.executable)) return earlier.executable;
  if (earlier?.error !== undefined) throw new DevicesError('devices/build-failed', earlier.error);
  try {
    const executable = await build();
    writeRecord(file, { executable });
    return executable;
  } catch (error) {
    if (error instanceof DevicesError && COMPILE_ERROR.test(error.message))
      writeRecord(file, { error: error.message });
    throw error;
  }
}
