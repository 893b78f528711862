// The course's topics, as the syllabus lists them: each must have its page in the Course section,
// in teaching order, with a diagram, a "Try it" block running a real kit command, a self-check
// quiz with folded answers, and links to the assignments that use it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readSiteMap } from './site-files.js';
import { REPO_ROOT } from './site-paths.js';

const siteDir = inject('siteDir');

/** The syllabus: one page per topic, in teaching order, and what each page must explain. */
const COURSE_TOPICS: ReadonlyArray<{ page: string; topic: string; mentions: readonly string[] }> = [
  {
    page: 'cloud-computing',
    topic: 'cloud computing: characteristics and benefits',
    mentions: ['CapEx', 'OpEx', 'elastic', 'Benefits'],
  },
  {
    page: 'deployment-models',
    topic: 'deployment models',
    mentions: ['Public', 'Private', 'Hybrid', 'Multicloud'],
  },
  {
    page: 'service-models',
    topic: 'service models',
    mentions: ['IaaS', 'PaaS', 'SaaS', 'FaaS', 'Cloud Functions'],
  },
  {
    page: 'regions-and-zones',
    topic: 'regions and availability zones',
    mentions: ['region', 'availability zone'],
  },
  { page: 'protocols', topic: 'what a protocol is', mentions: ['protocol', 'socket', 'port'] },
  {
    page: 'osi-vs-tcp-ip',
    topic: 'the OSI model vs TCP/IP',
    mentions: ['OSI', 'TCP/IP', 'Presentation', 'Transport'],
  },
  {
    page: 'communication-patterns',
    topic: 'communication patterns',
    mentions: [
      'Request/response',
      'Push',
      'Short polling',
      'Long polling',
      'Server-sent events',
      'Publish/subscribe',
      'WebSockets',
    ],
  },
  {
    page: 'http-versions',
    topic: 'HTTP/1.0, 1.1, 2 and 3',
    mentions: ['HTTP/1.0', 'HTTP/1.1', 'HTTP/2', 'HTTP/3', 'QUIC'],
  },
  { page: 'websockets', topic: 'WebSockets', mentions: ['101 Switching Protocols', 'frames'] },
  {
    page: 'authentication-and-authorization',
    topic: 'authentication vs authorization',
    mentions: ['Authentication', 'Authorization', 'Identification'],
  },
  {
    page: 'tokens',
    topic: 'tokens: ID, refresh, access, custom',
    mentions: ['ID token', 'refresh token', 'access token', 'custom token'],
  },
  {
    page: 'realtime-database',
    topic: 'the Firebase Realtime Database',
    mentions: [
      'Data model',
      'REST',
      'Streaming',
      'SDK protocol',
      'Security rules',
      'Queries and indexes',
      '.indexOn',
    ],
  },
  {
    page: 'esp32-and-firebase',
    topic: 'the ESP32 and Firebase',
    mentions: ['What runs where', 'library', 'firmware'],
  },
];

/** The `iotkit` commands that exist, read from the command's own help. */
function iotkitCommands(): Set<string> {
  const help = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@iotkit/source', 'tools/cli/src/main.ts', '--help'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  const commands = [...help.stdout.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1] as string);
  if (commands.length === 0)
    throw new Error(`could not read the commands from \`iotkit --help\`:\n${help.stdout}${help.stderr}`);
  return new Set(commands);
}

function section(html: string, heading: string): string {
  const start = html.search(new RegExp(`<h2[^>]*>${heading}`));
  if (start === -1) return '';
  const end = html.indexOf('<h2', start + 4);
  return html.slice(start, end === -1 ? undefined : end);
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

describe('the course notes', () => {
  const map = readSiteMap(siteDir);
  const course = map.sections.find((s) => s.title === 'Course')?.pages ?? [];
  const commands = iotkitCommands();

  it('lists every topic in the Course section, in teaching order, after the overview', () => {
    expect(course[0]?.url).toBe('course/index.html');
    const order = course.map((p) => p.source?.replace(/^course\/|\.md$/g, ''));
    expect(order.filter((name) => COURSE_TOPICS.some((t) => t.page === name))).toEqual(
      COURSE_TOPICS.map((t) => t.page),
    );
  });

  describe.each(COURSE_TOPICS)('$topic', ({ page, mentions }) => {
    const html = readFileSync(join(siteDir, 'course', `${page}.html`), 'utf8');
    const body = text(html);

    it('explains the topic', () => {
      for (const word of mentions) expect(body, `"${word}" on course/${page}`).toContain(word);
    });

    it('has a pre-rendered diagram', () => {
      expect(html).toMatch(/<figure class="iotkit-figure"><svg [^>]*role="img"/);
    });

    it('has a "Try it" block with commands that exist', () => {
      const tryIt = section(html, 'Try it');
      const code = text(
        [...tryIt.matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code>/g)].map((m) => m[1]).join('\n'),
      );
      expect(code).toMatch(/pnpm iotkit |pnpm start|curl /);
      for (const match of code.matchAll(/pnpm iotkit ([a-z-]+)/g)) {
        expect(commands, `\`pnpm iotkit ${match[1]}\` on course/${page}`).toContain(match[1]);
      }
      for (const match of code.matchAll(/curl [^\n]*?'(https?:\/\/[^']+)'/g)) {
        expect(match[1], 'try-it requests go to the local backend').toMatch(
          /^http:\/\/127\.0\.0\.1:(9000|9099)\//,
        );
      }
    });

    it('ends with a self-check quiz whose answers are folded', () => {
      const quiz = section(html, 'Check yourself');
      expect((quiz.match(/<details>/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect(quiz).toContain('<summary>Answer</summary>');
    });

    it('links the assignments that use it', () => {
      const usedIn = section(html, 'Used in');
      expect(usedIn).toMatch(/<ul class="iotkit-used-in"><li>/);
      expect(text(usedIn)).toMatch(/Assignment [1-5]/);
    });
  });
});
