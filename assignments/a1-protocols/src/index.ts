/**
 * Assignment 1 (a report on protocols backed by labs): the labs' student parts, the demo of
 * `pnpm start a1`, and where the assignment's files live.
 *
 * @packageDocumentation
 */
export { A1_ROOT, A1_LAB_RESULTS_DIR } from './a1-paths.js';
export { startDemo, A1_DEMO_EMAIL } from './start-a1-demo.js';
export { topicMatches, isValidFilter } from '../labs/mqtt/topic-match.js';
export { decodeJwt, validateIdTokenClaims } from '../labs/tokens/jwt-claims.js';
export type { DecodedJwt, ClaimCheck } from '../labs/tokens/jwt-claims.js';
export { parseHttpResponse } from '../labs/http-versions/http-response.js';
export type { HttpResponse } from '../labs/http-versions/http-response.js';
export { parseSse } from '../labs/patterns/sse-parser.js';
export type { SseEvent } from '../labs/patterns/sse-parser.js';
