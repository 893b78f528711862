import type { HttpEvent } from '@iotkit/devices';

const pathOf = (e: HttpEvent): string => new URL(e.url).pathname;

/** Up to three distinct `METHOD /path → status` examples. */
const sample = (es: readonly HttpEvent[]): string =>
  [...new Set(es.map((e) => `${e.method} ${pathOf(e)} → ${e.status}`))].slice(0, 3).join(', ');

/**
 * Notes for a failed test's feedback on the database requests the backend refused (401/403),
 * grouped by their likely cause: a refusal is often the root of a failure whose own message only
 * says that nothing arrived.
 * @param rtdbHttp - the device's HTTP exchanges with the database
 * @param uid - the device account's uid, when it has one (requests outside its subtree are named)
 * @returns one sentence per cause, empty when nothing was refused
 */
export function refusalNotes(rtdbHttp: readonly HttpEvent[], uid?: string): string[] {
  const refused = rtdbHttp.filter((e) => e.status === 401 || e.status === 403);
  const noToken = refused.filter((e) => !new URL(e.url).searchParams.has('auth'));
  const outside = refused.filter(
    (e) => !noToken.includes(e) && uid !== undefined && !pathOf(e).startsWith(`/devices/${uid}/`),
  );
  const other = refused.filter((e) => !noToken.includes(e) && !outside.includes(e));
  const notes: string[] = [];
  if (noToken.length > 0)
    notes.push(
      `the database refused ${noToken.length} request(s) sent without an ID token (${sample(noToken)}): add auth=<ID token of the sign-in> to every database URL`,
    );
  if (outside.length > 0)
    notes.push(
      `the database refused ${outside.length} request(s) outside /devices/<uid>/ (${sample(outside)}): use the uid of the sign-in (localId)`,
    );
  if (other.length > 0)
    notes.push(
      `the rules refused ${other.length} request(s) (${sample(other)}): check the path and the shape of the data written`,
    );
  return notes;
}
