// Assignment 1, hidden graded tests: the corners of each lab's student part.
import { graded, importSubmission } from '@iotkit/grader/harness';
import { checkRejects, checkVectors } from '../support/vector-check.js';
import type { HttpResponseModule, JwtClaims, SseModule, TopicMatch } from '../support/lab-modules.js';

const NOW = 1_767_225_600;
const PROJECT = 'demo-iotkit';
const goodClaims = {
  iss: `https://securetoken.google.com/${PROJECT}`,
  aud: PROJECT,
  auth_time: NOW - 60,
  iat: NOW - 60,
  exp: NOW + 3540,
  sub: 'Xb7Tq2',
};
const HIDDEN = { visibility: 'after_due_date' } as const;

graded(
  'mqtt (hidden): $ topics, empty levels and invalid filters',
  4,
  async (context) => {
    const lab = await importSubmission<TopicMatch>('labs/mqtt/topic-match.ts');
    const hint =
      'look at topicMatches() and isValidFilter() in labs/mqtt/topic-match.ts: $-topics, empty levels, "#" only last';
    await checkVectors(
      context,
      'topicMatches()',
      [
        { why: '# alone matches everything', input: ['#', 'a/b/c'], expected: true },
        { why: 'wildcards skip $SYS', input: ['#', '$SYS/broker/uptime'], expected: false },
        { why: '+ skips $SYS too', input: ['+/broker/uptime', '$SYS/broker/uptime'], expected: false },
        { why: 'a named $SYS filter matches', input: ['$SYS/#', '$SYS/broker/uptime'], expected: true },
        { why: '+ matches an empty level', input: ['a/+/c', 'a//c'], expected: true },
        { why: 'a trailing slash is a level', input: ['a/+', 'a/'], expected: true },
        { why: '+ needs the level to exist', input: ['a/+', 'a'], expected: false },
        { why: 'a topic longer than the filter', input: ['a/b', 'a/b/c'], expected: false },
      ] as const,
      ([filter, topic]) => lab.topicMatches(filter, topic),
      hint,
    );
    await checkVectors(
      context,
      'isValidFilter()',
      [
        { why: '# alone', input: '#', expected: true },
        { why: '+ in the middle', input: 'a/+/b', expected: true },
        { why: '# not last', input: 'a/#/b', expected: false },
        { why: '# inside a level', input: 'a#', expected: false },
        { why: '+ inside a level', input: 'a+/b', expected: false },
        { why: 'empty', input: '', expected: false },
      ],
      (filter) => lab.isValidFilter(filter),
      hint,
    );
  },
  HIDDEN,
);

graded(
  'tokens (hidden): time claims, odd payloads and broken tokens',
  4,
  async (context) => {
    const lab = await importSubmission<JwtClaims>('labs/tokens/jwt-claims.ts');
    await checkVectors(
      context,
      'validateIdTokenClaims()',
      [
        { why: 'exp exactly now has expired', input: { ...goodClaims, exp: NOW }, expected: ['exp'] },
        { why: 'issued in the future', input: { ...goodClaims, iat: NOW + 30 }, expected: ['iat'] },
        {
          why: 'signed in in the future',
          input: { ...goodClaims, auth_time: NOW + 30 },
          expected: ['auth_time'],
        },
        { why: 'exp as a string', input: { ...goodClaims, exp: String(NOW + 60) }, expected: ['exp'] },
        { why: 'sub too long', input: { ...goodClaims, sub: 'x'.repeat(129) }, expected: ['sub'] },
        { why: 'nothing at all', input: {}, expected: ['iss', 'aud', 'exp', 'iat', 'auth_time', 'sub'] },
      ],
      (payload) => lab.validateIdTokenClaims(payload, { projectId: PROJECT, nowSeconds: NOW }),
      'look at validateIdTokenClaims() in labs/tokens/jwt-claims.ts: a token expires when exp <= now; numbers must be numbers',
    );
    await checkRejects(
      context,
      'decodeJwt()',
      [
        { why: 'payload is not base64url JSON', input: 'eyJhbGciOiJub25lIn0.@@@.' },
        {
          why: 'payload is a JSON array',
          input: `eyJhbGciOiJub25lIn0.${Buffer.from('[1]').toString('base64url')}.`,
        },
        { why: 'four parts', input: 'a.b.c.d' },
      ],
      (input) => lab.decodeJwt(input),
      'malformed JWT:',
      'decodeJwt() in labs/tokens/jwt-claims.ts must refuse anything but three base64url parts whose first two are JSON objects',
    );
  },
  HIDDEN,
);

graded(
  'http-versions (hidden): chunk extensions, trailers, keep-alive and close-delimited bodies',
  4,
  async (context) => {
    const lab = await importSubmission<HttpResponseModule>('labs/http-versions/http-response.ts');
    const hint =
      'look at parseHttpResponse() in labs/http-versions/http-response.ts: chunk sizes are hex (";ext" allowed), trailers end with an empty line, length counts only the first response';
    const first = 'HTTP/1.1 204 No Content\r\nX-A: 1\r\nx-a: 2\r\n\r\n';
    const trailer =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na;x=1\r\n0123456789\r\n0\r\nX-T: y\r\n\r\n';
    const old = 'HTTP/1.0 200 OK\r\n\r\nuntil close';
    await checkVectors(
      context,
      'parseHttpResponse()',
      [
        {
          why: 'a 204 followed by the next response on a keep-alive connection',
          input: [`${first}HTTP/1.1 200 OK\r\n`, false] as const,
          expected: {
            version: 'HTTP/1.1',
            status: 204,
            reason: 'No Content',
            headers: { 'x-a': '1, 2' },
            body: '',
            length: first.length,
          },
        },
        {
          why: 'a hex chunk size with an extension, and a trailer',
          input: [trailer, false] as const,
          expected: {
            version: 'HTTP/1.1',
            status: 200,
            reason: 'OK',
            headers: { 'transfer-encoding': 'chunked' },
            body: '0123456789',
            length: trailer.length,
          },
        },
        { why: 'no length, connection still open', input: [old, false] as const, expected: null },
        {
          why: 'no length, the server closed',
          input: [old, true] as const,
          expected: {
            version: 'HTTP/1.0',
            status: 200,
            reason: 'OK',
            headers: {},
            body: 'until close',
            length: old.length,
          },
        },
      ],
      ([raw, closed]) => lab.parseHttpResponse(raw, closed),
      hint,
    );
    await checkRejects(
      context,
      'parseHttpResponse()',
      [
        { why: 'not HTTP', input: 'SSH-2.0-OpenSSH\r\n\r\n' },
        {
          why: 'a chunk size that is not hex',
          input: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
        },
      ],
      (raw) => lab.parseHttpResponse(raw, false),
      'bad HTTP response:',
      hint,
    );
  },
  HIDDEN,
);

graded(
  'patterns (hidden): CRLF lines, ids that stay and fields without a space',
  4,
  async (context) => {
    const lab = await importSubmission<SseModule>('labs/patterns/sse-parser.ts');
    await checkVectors(
      context,
      'parseSse()',
      [
        {
          why: 'CRLF line ends',
          input: 'data: x\r\n\r\n',
          expected: [{ event: 'message', data: 'x', id: '' }],
        },
        {
          why: 'the id stays for the next event, the event name does not',
          input: 'event: put\nid: 3\ndata: a\n\ndata: b\n\n',
          expected: [
            { event: 'put', data: 'a', id: '3' },
            { event: 'message', data: 'b', id: '3' },
          ],
        },
        {
          why: 'no space after the colon',
          input: 'data:7\n\n',
          expected: [{ event: 'message', data: '7', id: '' }],
        },
        {
          why: 'only one space is dropped',
          input: 'data:  7\n\n',
          expected: [{ event: 'message', data: ' 7', id: '' }],
        },
        { why: 'an event without data', input: 'event: keep-alive\n\n', expected: [] },
        {
          why: 'unknown fields are ignored',
          input: 'retry: 100\nfoo: bar\ndata: z\n\n',
          expected: [{ event: 'message', data: 'z', id: '' }],
        },
      ],
      (text) => lab.parseSse(text),
      'look at parseSse() in labs/patterns/sse-parser.ts: lines end with \\n, \\r\\n or \\r; the id is kept between events',
    );
  },
  HIDDEN,
);
