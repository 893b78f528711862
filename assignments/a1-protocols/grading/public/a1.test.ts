// Assignment 1, public graded tests: the student part of each lab, run on vectors. The lab code
// runs in the grader's sandbox (importSubmission), never in this process.
import { importSubmission } from '@iotkit/grader/harness';
import { graded } from '@iotkit/grader/harness';
import { checkRejects, checkVectors } from '../support/vector-check.js';
import type { HttpResponseModule, JwtClaims, SseModule, TopicMatch } from '../support/lab-modules.js';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
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

graded('mqtt: + and # topic filters match as the broker does', 6, async (context) => {
  const lab = await importSubmission<TopicMatch>('labs/mqtt/topic-match.ts');
  await checkVectors(
    context,
    'topicMatches()',
    [
      { why: 'equal topics', input: ['home/hall/ir', 'home/hall/ir'], expected: true },
      { why: 'levels differ', input: ['home/hall/ir', 'home/kitchen/ir'], expected: false },
      { why: '+ is one level', input: ['home/+/ir', 'home/hall/ir'], expected: true },
      { why: '+ is not two levels', input: ['home/+/ir', 'home/hall/desk/ir'], expected: false },
      { why: '# takes every level below', input: ['home/#', 'home/hall/desk/ir'], expected: true },
      { why: '# takes its parent level too', input: ['home/#', 'home'], expected: true },
      { why: 'a filter longer than the topic', input: ['home/hall/ir', 'home/hall'], expected: false },
      { why: 'case matters', input: ['Home/hall', 'home/hall'], expected: false },
    ] as const,
    ([filter, topic]) => lab.topicMatches(filter, topic),
    'look at topicMatches() in labs/mqtt/topic-match.ts: compare the levels one by one; "+" stands for one level, "#" for the rest',
  );
});

graded('tokens: a JWT is decoded and the claims of an ID token are checked', 6, async (context) => {
  const lab = await importSubmission<JwtClaims>('labs/tokens/jwt-claims.ts');
  const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(goodClaims)}.`;
  await checkVectors(
    context,
    'decodeJwt()',
    [
      {
        why: 'an unsigned token as the Auth emulator issues',
        input: token,
        expected: { header: { alg: 'none', typ: 'JWT' }, payload: goodClaims, signature: '' },
      },
    ],
    (input) => lab.decodeJwt(input),
    'look at decodeJwt() in labs/tokens/jwt-claims.ts: three parts split on ".", each base64url JSON',
  );
  await checkRejects(
    context,
    'decodeJwt()',
    [{ why: 'only two parts', input: 'abc.def' }],
    (input) => lab.decodeJwt(input),
    'malformed JWT:',
    'decodeJwt() must refuse a token without three parts with an Error("malformed JWT: …")',
  );
  await checkVectors(
    context,
    'validateIdTokenClaims()',
    [
      { why: 'a valid token', input: goodClaims, expected: [] },
      { why: 'expired an hour ago', input: { ...goodClaims, exp: NOW - 3600 }, expected: ['exp'] },
      {
        why: 'for another project',
        input: { ...goodClaims, aud: 'other', iss: 'https://securetoken.google.com/other' },
        expected: ['iss', 'aud'],
      },
      { why: 'no user id', input: { ...goodClaims, sub: '' }, expected: ['sub'] },
    ],
    (payload) => lab.validateIdTokenClaims(payload, { projectId: PROJECT, nowSeconds: NOW }),
    'look at validateIdTokenClaims() in labs/tokens/jwt-claims.ts: list the wrong claims in the order iss, aud, exp, iat, auth_time, sub',
  );
});

graded('http-versions: an HTTP/1.1 response is read from raw bytes', 6, async (context) => {
  const lab = await importSubmission<HttpResponseModule>('labs/http-versions/http-response.ts');
  const plain = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello';
  const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n';
  await checkVectors(
    context,
    'parseHttpResponse()',
    [
      {
        why: 'a body with Content-Length',
        input: [plain, false] as const,
        expected: {
          version: 'HTTP/1.1',
          status: 200,
          reason: 'OK',
          headers: { 'content-type': 'text/plain', 'content-length': '5' },
          body: 'hello',
          length: plain.length,
        },
      },
      { why: 'the body is not all there yet', input: [plain.slice(0, -2), false] as const, expected: null },
      {
        why: 'headers not finished',
        input: ['HTTP/1.1 200 OK\r\nContent-Le', false] as const,
        expected: null,
      },
      {
        why: 'a chunked body',
        input: [chunked, false] as const,
        expected: {
          version: 'HTTP/1.1',
          status: 200,
          reason: 'OK',
          headers: { 'transfer-encoding': 'chunked' },
          body: 'Wikipedia',
          length: chunked.length,
        },
      },
    ],
    ([raw, closed]) => lab.parseHttpResponse(raw, closed),
    'look at parseHttpResponse() in labs/http-versions/http-response.ts: headers end at "\\r\\n\\r\\n", then Content-Length or chunked decides where the body ends',
  );
});

graded('patterns: Server-Sent Events are parsed into events', 6, async (context) => {
  const lab = await importSubmission<SseModule>('labs/patterns/sse-parser.ts');
  await checkVectors(
    context,
    'parseSse()',
    [
      { why: 'one event', input: 'data: 42\n\n', expected: [{ event: 'message', data: '42', id: '' }] },
      {
        why: 'a named event with an id',
        input: 'event: put\nid: 7\ndata: {"ir":512}\n\n',
        expected: [{ event: 'put', data: '{"ir":512}', id: '7' }],
      },
      {
        why: 'data lines joined by a newline',
        input: 'data: a\ndata: b\n\n',
        expected: [{ event: 'message', data: 'a\nb', id: '' }],
      },
      { why: 'a comment is a keep-alive, not an event', input: ': ping\n\n', expected: [] },
      {
        why: 'an unfinished event waits',
        input: 'data: 1\n\ndata: 2\n',
        expected: [{ event: 'message', data: '1', id: '' }],
      },
    ],
    (text) => lab.parseSse(text),
    'look at parseSse() in labs/patterns/sse-parser.ts: collect data/event/id lines and dispatch on an empty line',
  );
});
