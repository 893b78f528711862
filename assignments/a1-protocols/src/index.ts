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
export { parsePcap } from '../labs/layers/pcap-file.js';
export type { PcapFile, PcapPacket } from '../labs/layers/pcap-file.js';
export { decodeFrame } from '../labs/layers/frame-layers.js';
export type { FrameLayers, LinkLayer, Ipv4Layer, TcpLayer } from '../labs/layers/frame-layers.js';
export { renderReport } from './report/render-report.js';
export type { RenderReportOptions, RenderedReport } from './report/render-report.js';
export { ReportError } from './report/report-error.js';
export type { ReportErrorCode } from './report/report-error.js';
