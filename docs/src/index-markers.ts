// Index pages list pages that exist at build time, so a page added (or not yet written) by
// another part of the kit never leaves a dead link. Markers are HTML comments, invisible where
// the Markdown is read directly (GitHub), expanded into links on the site:
//
//   <!-- iotkit:pages Course -->              every page of a section, in site order
//   <!-- iotkit:pages Guides students -->     guides for one audience
//   <!-- iotkit:assignments a1 a3 -->         "used in" links to assignment pages
import type { DocumentReflection } from 'typedoc';
import { SECTIONS, comparePlacements, type Placement, type Section } from './site-sections.js';
import { escapeXml } from './diagrams/svg-text.js';

/** A page of docs/ as the site knows it. */
export interface SitePage {
  readonly doc: DocumentReflection;
  readonly placement: Placement;
  /** Path relative to docs/, e.g. `course/http-versions.md`. */
  readonly path: string;
}

const ASSIGNMENT_NAMES: Readonly<Record<string, string>> = {
  a1: 'Assignment 1',
  a2: 'Assignment 2',
  a3: 'Assignment 3',
  a4: 'Assignment 4',
  a5: 'Assignment 5',
};

/**
 * Replaces every marker in `markdown` with an HTML list. `urlTo` gives the relative URL of a
 * page from the page being rendered; `report` receives markers that cannot be expanded.
 */
export function expandIndexMarkers(
  markdown: string,
  pages: readonly SitePage[],
  urlTo: (doc: DocumentReflection) => string,
  report: (problem: string) => void,
): string {
  return markdown.replace(/<!--\s*iotkit:(\w+)\s*([^>]*?)\s*-->/g, (marker, kind: string, args: string) => {
    const words = args.split(/\s+/).filter(Boolean);
    if (kind === 'pages') {
      const section = words[0] as Section;
      if (!SECTIONS.includes(section)) {
        report(`"${marker}" names no section (one of ${SECTIONS.join(', ')})`);
        return '';
      }
      const audience = words[1];
      const listed = pages
        .filter((page) => page.placement.section === section && !page.path.endsWith('index.md'))
        .filter((page) => audience === undefined || page.placement.audience === audience)
        .sort((a, b) => comparePlacements(a.placement, b.placement));
      const items = listed.map((page) => {
        const summary = page.doc.frontmatter['summary'];
        const tail = typeof summary === 'string' ? `: ${escapeXml(summary)}` : '';
        return `<li><a href="${urlTo(page.doc)}">${escapeXml(page.doc.name)}</a>${tail}</li>`;
      });
      return `<ul class="iotkit-page-list">${items.join('')}</ul>`;
    }
    if (kind === 'assignments') {
      const items = words.map((id) => {
        const name = ASSIGNMENT_NAMES[id];
        if (!name) {
          report(`"${marker}": "${id}" is not an assignment (a1 … a5)`);
          return '';
        }
        const page = pages.find((p) => p.path === `assignments/${id}.md`);
        return page
          ? `<li><a href="${urlTo(page.doc)}">${escapeXml(page.doc.name)}</a></li>`
          : `<li>${name} (its page comes with the assignment)</li>`;
      });
      return `<ul class="iotkit-used-in">${items.join('')}</ul>`;
    }
    report(`unknown marker "${marker}"`);
    return '';
  });
}
