import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import { GraderError } from '../core/grader-error.js';

/** Limits that keep a hostile zip from filling the disk. */
export interface UnzipLimits {
  /** Most entries extracted. */
  maxEntries: number;
  /** Most bytes extracted in total. */
  maxBytes: number;
}

const DEFAULT_LIMITS: UnzipLimits = { maxEntries: 5000, maxBytes: 200 * 1024 * 1024 };

/**
 * Extracts a submission zip into `dest`. Entries that would land outside `dest` (`../`, absolute
 * paths) are rejected, symlinks and `node_modules/` / `.git/` are skipped, and extraction stops at
 * the entry and byte limits.
 * @param zipFile - the zip
 * @param dest - an empty folder
 * @param limits - entry and byte limits
 * @throws GraderError `grader/bad-submission` (not a zip, too large) or `grader/unsafe-path`
 */
export async function unzipSubmission(
  zipFile: string,
  dest: string,
  limits: UnzipLimits = DEFAULT_LIMITS,
): Promise<void> {
  const root = resolve(dest);
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((ok, fail) =>
      yauzl.open(zipFile, { lazyEntries: true, autoClose: true, strictFileNames: false }, (err, z) =>
        err || !z ? fail(err) : ok(z),
      ),
    );
  } catch (e) {
    throw new GraderError(
      'grader/bad-submission',
      `${zipFile} is not a readable zip file: ${(e as Error).message}`,
    );
  }
  let entries = 0;
  let bytes = 0;
  await new Promise<void>((done, fail) => {
    const failWith = (e: Error): void => {
      zip.close();
      fail(e);
    };
    zip.on('error', (e: Error) => {
      // yauzl checks names itself: `..` segments and absolute paths are zip-slip attempts
      const unsafe = /invalid relative path|absolute path/i.test(e.message);
      failWith(
        new GraderError(unsafe ? 'grader/unsafe-path' : 'grader/bad-submission', `${zipFile}: ${e.message}`),
      );
    });
    zip.on('end', () => done());
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName.replace(/\\/g, '/');
      const target = resolve(root, name);
      if (name.startsWith('/') || (target !== root && !target.startsWith(root + sep))) {
        failWith(
          new GraderError(
            'grader/unsafe-path',
            `${zipFile}: entry "${entry.fileName}" points outside the submission folder`,
          ),
        );
        return;
      }
      entries += 1;
      if (entries > limits.maxEntries) {
        failWith(
          new GraderError('grader/bad-submission', `${zipFile} has more than ${limits.maxEntries} entries`),
        );
        return;
      }
      const parts = name.split('/');
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (
        parts.includes('node_modules') ||
        parts.includes('.git') ||
        parts.includes('__MACOSX') ||
        mode === 0o120000
      ) {
        zip.readEntry();
        return;
      }
      if (name.endsWith('/')) {
        mkdirSync(target, { recursive: true });
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          failWith(new GraderError('grader/bad-submission', `${zipFile}: cannot read ${entry.fileName}`));
          return;
        }
        mkdirSync(dirname(target), { recursive: true });
        const counter = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            bytes += chunk.length;
            if (bytes > limits.maxBytes)
              cb(
                new GraderError(
                  'grader/bad-submission',
                  `${zipFile} unpacks to more than ${limits.maxBytes} bytes`,
                ),
              );
            else cb(null, chunk);
          },
        });
        pipeline(stream, counter, createWriteStream(target, { mode: 0o644 }))
          .then(() => zip.readEntry())
          .catch((e: Error) =>
            failWith(
              e instanceof GraderError
                ? e
                : new GraderError('grader/bad-submission', `${zipFile}: ${e.message}`),
            ),
          );
      });
    });
    zip.readEntry();
  });
}
