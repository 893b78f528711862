// The crawler: starts at the home page, follows every internal link, and checks that each link
// target exists and each #anchor is defined in its target. It also checks pages it never reached.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { anchorsIn, htmlPages, linksIn, readSiteMap } from './site-files.js';

const siteDir = inject('siteDir');

interface BrokenLink {
  readonly page: string;
  readonly link: string;
  readonly problem: string;
}

function crawl(): { reached: Set<string>; broken: BrokenLink[] } {
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (file: string): Set<string> => {
    let anchors = anchorCache.get(file);
    if (!anchors) {
      anchors = anchorsIn(readFileSync(join(siteDir, file), 'utf8'));
      anchorCache.set(file, anchors);
    }
    return anchors;
  };
  const reached = new Set<string>(['index.html']);
  const queue = ['index.html', ...htmlPages(siteDir)];
  const checked = new Set<string>();
  const broken: BrokenLink[] = [];
  while (queue.length > 0) {
    const page = queue.shift() as string;
    if (checked.has(page)) continue;
    checked.add(page);
    for (const link of linksIn(readFileSync(join(siteDir, page), 'utf8'))) {
      if (/^(https?:|mailto:|data:|javascript:)/i.test(link) || link === '' || link === '#') continue;
      const [pathPart = '', anchor] = link.split('#', 2) as [string, string | undefined];
      let target = page;
      if (pathPart !== '') {
        target = posix.normalize(
          posix.join(posix.dirname(page), decodeURIComponent(pathPart.split('?')[0] as string)),
        );
        if (target.startsWith('..')) {
          broken.push({ page, link, problem: 'points outside the site' });
          continue;
        }
        const onDisk = join(siteDir, target);
        if (existsSync(onDisk) && statSync(onDisk).isDirectory()) target = posix.join(target, 'index.html');
        if (!existsSync(join(siteDir, target))) {
          broken.push({ page, link, problem: 'target file does not exist' });
          continue;
        }
      }
      if (target.endsWith('.html') && !reached.has(target)) {
        reached.add(target);
        queue.unshift(target);
      }
      if (anchor && /\.(html|svg)$/.test(target) && !anchorsOf(target).has(decodeURIComponent(anchor))) {
        broken.push({ page, link, problem: `no element with id "${anchor}" in ${target}` });
      }
    }
  }
  return { reached, broken };
}

describe('links of the built site', () => {
  const { reached, broken } = crawl();

  it('has no broken internal link or anchor', () => {
    expect(
      broken.length,
      broken
        .slice(0, 20)
        .map((b) => `${b.page}: ${b.link} (${b.problem})`)
        .join('\n'),
    ).toBe(0);
  });

  it('reaches every page of the site map from the home page', () => {
    const map = readSiteMap(siteDir);
    const unreached = map.sections
      .flatMap((s) => s.pages.map((p) => p.url))
      .filter((url) => !reached.has(url));
    expect(unreached).toEqual([]);
  });

  it('crawls a real site, not an empty folder', () => {
    expect(reached.size).toBeGreaterThan(50);
    expect(reached.has('course/communication-patterns.html')).toBe(true);
  });
});
