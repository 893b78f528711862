// The built site's table of contents as JSON (site-map.json next to index.html): the PDF export
// reads the course pages from it in teaching order, and the site tests check it against the
// pages on disk.
import { ReflectionKind, type ProjectReflection, type Reflection } from 'typedoc';
import { SECTIONS, comparePlacements, type Section } from './site-sections.js';
import type { SitePage } from './index-markers.js';

/** File name of the site map in the output folder. */
export const SITE_MAP_FILE = 'site-map.json';

/** One page in the site map. */
export interface SiteMapPage {
  readonly title: string;
  /** URL relative to the site root, e.g. `course/http-versions.html`. */
  readonly url: string;
  /** Source file relative to docs/, absent for API pages. */
  readonly source?: string;
}

/** The site map: each section with its pages in navigation order. */
export interface SiteMap {
  readonly sections: ReadonlyArray<{ readonly title: Section; readonly pages: readonly SiteMapPage[] }>;
}

/** Builds the site map from the placed pages plus the API modules (under Reference). */
export function buildSiteMap(
  pages: readonly SitePage[],
  urlOf: (target: Reflection) => string,
  project: ProjectReflection,
): SiteMap {
  const sorted = [...pages].sort((a, b) => comparePlacements(a.placement, b.placement));
  return {
    sections: SECTIONS.map((title) => {
      const docs: SiteMapPage[] = sorted
        .filter((page) => page.placement.section === title)
        .map((page) => ({ title: page.doc.name, url: urlOf(page.doc), source: page.path }));
      const api: SiteMapPage[] =
        title === 'Reference'
          ? project
              .getChildrenByKind(ReflectionKind.Module)
              .map((module) => ({ title: module.name, url: urlOf(module) }))
          : [];
      return { title, pages: [...docs, ...api] };
    }),
  };
}
