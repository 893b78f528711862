// Reading the built site from disk: its pages, its site map, and the links inside a page.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SiteMap } from '../../src/site-map.js';

/** Every HTML file of the site, as paths relative to the site root with forward slashes. */
export function htmlPages(siteDir: string): string[] {
  return (readdirSync(siteDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(siteDir, join(siteDir, file)).split(sep).join('/'))
    .sort();
}

/** The site map the TypeDoc plugin writes next to index.html. */
export function readSiteMap(siteDir: string): SiteMap {
  return JSON.parse(readFileSync(join(siteDir, 'site-map.json'), 'utf8')) as SiteMap;
}

/** The `href` and `src` values of an HTML document, in order. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => decodeEntities(match[1] as string));
}

/** The ids (and `name` anchors) an HTML or SVG document defines. */
export function anchorsIn(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((match) => decodeEntities(match[1] as string)),
  );
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
