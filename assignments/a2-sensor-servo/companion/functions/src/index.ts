/**
 * Assignment 2's cloud function (bonus): maps each new IR reading to a servo angle in the cloud.
 *
 * Deployable to a real Firebase project as is (see the assignment README); the kit runs the same
 * module locally with `@iotkit/functions-runner`.
 *
 * @packageDocumentation
 */
import { ServerValue } from 'firebase-admin/database';
import { logger } from 'firebase-functions';
import { onValueCreated } from 'firebase-functions/v2/database';
import { servoFromReading } from './servo-from-reading.js';

/**
 * Fires once per new reading under `/devices/{uid}/readings/{readingId}` and sets
 * `/devices/{uid}/servo` to `{angle, source: "function", ts}`.
 *
 * It writes through the event's own reference (`event.data.ref`), so the write goes to the
 * database instance the reading arrived in: the right namespace locally, the right database in
 * production, no configuration needed.
 */
export const mapReadingToServo = onValueCreated('/devices/{uid}/readings/{readingId}', async (event) => {
  // BEGIN SOLUTION: map event.data.val() with servoFromReading and set /devices/{uid}/servo = {angle, source, ts: ServerValue.TIMESTAMP} through event.data.ref
  const command = servoFromReading(event.data.val());
  if ('rejected' in command) {
    logger.warn(`ignoring reading ${event.ref}: ${command.rejected}`);
    return;
  }
  const device = event.data.ref.parent?.parent;
  if (!device) return;
  await device
    .child('servo')
    .set({ angle: command.angle, source: command.source, ts: ServerValue.TIMESTAMP });
  // END SOLUTION
});
