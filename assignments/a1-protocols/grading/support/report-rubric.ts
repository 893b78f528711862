// The automatic part of the report's grading: the six sections, the words that show each key
// concept (any one synonym counts), how many concepts a section needs, and which lab each
// section's figure comes from. A synonym ending in `*` matches as a word stem ("encapsulat*"
// finds "encapsulation" and "encapsulated"); any other matches as a whole word or phrase.
// Students see this file: the checks are the same ones `pnpm iotkit check a1` runs.

/** A concept and the words that show it. */
export interface RubricConcept {
  readonly name: string;
  readonly synonyms: readonly string[];
}

/** One report section. */
export interface RubricSection {
  /** Its number in the template, 1–6. */
  readonly number: number;
  readonly title: string;
  /** A heading matches the section when it contains one of these (case does not matter). */
  readonly headingWords: readonly string[];
  /** Fewest words of the student's own prose. */
  readonly minWords: number;
  /** The lab whose figure belongs in this section. */
  readonly lab: string;
  readonly concepts: readonly RubricConcept[];
  /** How many of `concepts` must appear. */
  readonly need: number;
}

const c = (name: string, ...synonyms: string[]): RubricConcept => ({ name, synonyms });

/** Words of prose each section needs at least. */
export const MIN_WORDS = 150;

/** The six sections in template order. */
export const REPORT_SECTIONS: readonly RubricSection[] = [
  {
    number: 1,
    title: 'OSI vs TCP/IP',
    headingWords: ['osi', 'tcp/ip'],
    minWords: MIN_WORDS,
    lab: 'layers',
    need: 6,
    concepts: [
      c('the seven OSI layers', 'seven layers', '7 layers', 'seven-layer', '7-layer', 'seven osi layers'),
      c(
        'the TCP/IP model has fewer layers',
        'four layers',
        '4 layers',
        'four-layer',
        '4-layer',
        'five layers',
        '5 layers',
      ),
      c('encapsulation', 'encapsulat*', 'wrapped in', 'wraps'),
      c('the transport layer', 'transport layer', 'tcp segment*', 'segment*'),
      c('the network layer', 'network layer', 'internet layer', 'ip address*', 'ipv4', 'ip header*'),
      c('the link layer', 'link layer', 'data link', 'ethernet', 'mac address*'),
      c('port numbers', 'port*'),
      c('the TCP handshake', 'handshake', 'syn'),
    ],
  },
  {
    number: 2,
    title: 'HTTP and its versions',
    headingWords: ['http'],
    minWords: MIN_WORDS,
    lab: 'http-versions',
    need: 6,
    concepts: [
      c(
        'request and response',
        'request-response',
        'request/response',
        'request and response',
        'requests and responses',
      ),
      c('methods', 'method*', 'get', 'put', 'post'),
      c('status codes', 'status code*', 'status line'),
      c('stateless', 'stateless'),
      c('persistent connections', 'keep-alive', 'keep alive', 'persistent connection*', 'reuse*', 'reused'),
      c('multiplexing in HTTP/2', 'multiplex*', 'streams'),
      c('header compression', 'hpack', 'header compression', 'compress*'),
      c('HTTP/3 over QUIC', 'quic', 'http/3'),
      c('head-of-line blocking', 'head-of-line', 'head of line'),
    ],
  },
  {
    number: 3,
    title: 'The publish/subscribe model',
    headingWords: ['publish', 'pub/sub', 'pub-sub'],
    minWords: MIN_WORDS,
    lab: 'patterns',
    need: 6,
    concepts: [
      c('publishers and subscribers', 'publisher*', 'subscriber*'),
      c('a broker in the middle', 'broker*', 'message bus', 'event bus'),
      c('decoupling', 'decoupl*', 'loosely coupled', 'loose coupling'),
      c('topics', 'topic*', 'channel*'),
      c('polling', 'polling', 'poll', 'polls'),
      c('long polling', 'long polling', 'long-polling', 'long poll'),
      c('Server-Sent Events', 'server-sent events', 'sse', 'eventsource'),
      c('WebSocket', 'websocket*'),
      c('latency', 'latency', 'latencies'),
    ],
  },
  {
    number: 4,
    title: 'MQTT',
    headingWords: ['mqtt'],
    minWords: MIN_WORDS,
    lab: 'mqtt',
    need: 6,
    concepts: [
      c('quality of service levels', 'qos', 'quality of service'),
      c('delivery guarantees', 'at most once', 'at least once', 'exactly once'),
      c('retained messages', 'retain*'),
      c('last will', 'last will', 'will message', 'lwt'),
      c('keep-alive', 'keep alive', 'keep-alive', 'keepalive', 'pingreq', 'ping'),
      c('topic wildcards', 'wildcard*', 'single-level', 'multi-level'),
      c('sessions', 'persistent session*', 'clean session', 'clean start', 'session*'),
      c('runs over TCP', 'tcp', '1883'),
      c('a small protocol', 'lightweight', 'small header*', 'fixed header', 'two-byte', '2-byte', 'overhead'),
    ],
  },
  {
    number: 5,
    title: 'ID token vs access token',
    headingWords: ['token'],
    minWords: MIN_WORDS,
    lab: 'tokens',
    need: 7,
    concepts: [
      c('JSON Web Token', 'jwt*', 'json web token*'),
      c('claims', 'claim*'),
      c('signature', 'signature*', 'signed', 'sign*'),
      c('expiry', 'exp', 'expir*', 'lifetime'),
      c('audience', 'audience', 'aud'),
      c('authentication', 'authenticat*'),
      c('authorization', 'authori*'),
      c('OAuth 2.0', 'oauth*'),
      c('OpenID Connect', 'openid', 'oidc'),
      c('refresh token', 'refresh token*'),
      c('bearer or opaque tokens', 'bearer', 'opaque', 'introspect*'),
    ],
  },
  {
    number: 6,
    title: 'Firebase Realtime Database',
    headingWords: ['firebase', 'realtime database', 'rtdb'],
    minWords: MIN_WORDS,
    lab: 'rtdb',
    need: 6,
    concepts: [
      c('one JSON tree', 'json tree', 'tree', 'json document'),
      c('realtime listeners', 'listener*', 'onvalue', 'realtime'),
      c('the REST API', 'rest'),
      c('streaming', 'server-sent events', 'sse', 'event-stream', 'stream*'),
      c('the WebSocket protocol of the SDKs', 'websocket*'),
      c('security rules', 'security rules', 'rules', '.read', '.write'),
      c('offline use', 'offline', 'cache*', 'local copy'),
      c('transactions or ETags', 'transaction*', 'etag*'),
      c('auth with an ID token', 'auth=', 'id token*'),
      c('push ids', 'push id*', 'push()', 'push key*'),
      c('data modelling', 'denormali*', 'flatten*', 'fan-out', 'fan out', 'shallow'),
    ],
  },
];

/** Every lab a report cites, one per section. */
export const REPORT_LABS: readonly string[] = REPORT_SECTIONS.map((s) => s.lab);

/** Fewest entries under "References". */
export const MIN_REFERENCES = 3;

/** How far a cited number may be from the lab's: 5 % of it, and at least 0.5 (rounding). */
export function citationTolerance(actual: number): number {
  return Math.max(0.05 * Math.abs(actual), 0.5);
}
