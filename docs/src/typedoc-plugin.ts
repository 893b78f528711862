// TypeDoc plugin that turns the API reference into the course site: pages of docs/ get clean
// URLs (course/http-versions.html), a section (Course · Assignments · Guides · Reference) and a
// teaching order; diagrams are pre-rendered to inline SVG; index pages list what exists.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Comment,
  CommentTag,
  Converter,
  DocumentReflection,
  IndexEvent,
  JSX,
  KindRouter,
  MarkdownEvent,
  ProjectReflection,
  ReflectionKind,
  RendererEvent,
  type Application,
  type Context,
  type Reflection,
} from 'typedoc';
import { DiagramError } from './diagrams/diagram-error.js';
import { renderDiagram, type DiagramLanguage } from './diagrams/render-diagram.js';
import { expandIndexMarkers, type SitePage } from './index-markers.js';
import {
  SECTIONS,
  comparePlacements,
  linkedCoursePages,
  placePage,
  type Placement,
  type Section,
} from './site-sections.js';
import { buildSiteMap, SITE_MAP_FILE } from './site-map.js';

const DOCS_DIR = fileURLToPath(new URL('..', import.meta.url));
const SECTION_HOME: Readonly<Record<Section, string>> = {
  Course: 'course/index.md',
  Assignments: 'assignments/index.md',
  Guides: 'guides/index.md',
  Reference: 'packages/index.md',
};

/** Path of a document relative to docs/, with forward slashes, or undefined for other files. */
function docsPath(reflection: Reflection): string | undefined {
  const file = reflection.project.files.getReflectionPath(reflection);
  if (!file) return undefined;
  const path = relative(DOCS_DIR, file).split(sep).join('/');
  return path.startsWith('..') ? undefined : path;
}

/** Routes documents by their path under docs/; API pages as TypeDoc's kind router does. */
class SiteRouter extends KindRouter {
  override getIdealBaseName(reflection: Reflection): string {
    if (reflection.isDocument()) {
      const path = docsPath(reflection);
      if (path) return path.replace(/\.md$/, '');
    }
    return super.getIdealBaseName(reflection);
  }
}

/** Loads the plugin (TypeDoc calls this for every entry of the `plugin` option). */
export function load(app: Application): void {
  const placements = new Map<DocumentReflection, Placement>();
  const pathOf = new Map<DocumentReflection, string>();
  let courseOrder: string[] = [];

  app.renderer.defineRouter('iotkit', SiteRouter);

  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context: undefined, doc: DocumentReflection) => {
    const path = docsPath(doc);
    if (!path) return;
    if (path === 'course/index.md')
      courseOrder = linkedCoursePages(readFileSync(join(DOCS_DIR, path), 'utf8'));
    pathOf.set(doc, path);
    const title = typeof doc.frontmatter['title'] === 'string' ? doc.frontmatter['title'] : firstHeading(doc);
    // A package guide shares its title with the package's API module: tell the two apart.
    if (title)
      doc.name = path.startsWith('packages/') && title.startsWith('@iotkit/') ? `${title} guide` : title;
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context: Context) => {
    const project = context.project;
    for (const [doc, path] of pathOf) {
      const placement = placePage(path, courseOrder);
      placements.set(doc, placement);
      doc.frontmatter['group'] = placement.section;
    }
    for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
      module.comment ??= new Comment();
      module.comment.blockTags.push(new CommentTag('@group', [{ kind: 'text', text: 'Reference' }]));
    }
    const ordered = [...(project.documents ?? [])].sort((a, b) => {
      const pa = placements.get(a);
      const pb = placements.get(b);
      return pa && pb ? comparePlacements(pa, pb) : pa ? -1 : pb ? 1 : 0;
    });
    project.documents = ordered;
    project.childrenIncludingDocuments = [...(project.children ?? []), ...ordered];
  });

  const pages = (): SitePage[] =>
    [...placements].map(([doc, placement]) => ({ doc, placement, path: pathOf.get(doc) as string }));

  app.renderer.on(
    MarkdownEvent.PARSE,
    (event: MarkdownEvent) => {
      const from = event.page.model as Reflection;
      const where = pathOf.get(from as DocumentReflection) ?? from.name;
      let text = event.parsedText;
      // The home page's header already shows the project name; drop the readme's own H1 so the
      // title does not appear twice.
      if (from instanceof ProjectReflection) {
        text = text.replace(new RegExp(`^\\s*# ${escapeRegExp(from.name)}\\s*\\n`), '');
      }
      text = text.replace(
        /^```(mermaid|layers)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm,
        (_all, language: string, source: string) => {
          try {
            return renderDiagram(language as DiagramLanguage, source);
          } catch (error) {
            if (!(error instanceof DiagramError)) throw error;
            app.logger.error(`${where}: ${language} diagram: ${error.message}`);
            return '';
          }
        },
      );
      text = expandIndexMarkers(
        text,
        pages(),
        (target) => app.renderer.router!.relativeUrl(from, target),
        (problem) => app.logger.error(`${where}: ${problem}`),
      );
      event.parsedText = text;
    },
    100,
  );

  app.renderer.hooks.on('content.begin', (context) => {
    const model = context.page.model as Reflection;
    const current = sectionOf(model, placements);
    const homes = SECTIONS.map((section) => {
      const home = [...placements].find(([doc]) => pathOf.get(doc) === SECTION_HOME[section])?.[0];
      const first = home ?? [...placements].find(([, placement]) => placement.section === section)?.[0];
      return { section, url: first ? context.urlTo(first) : undefined };
    });
    const links = homes
      .filter((home) => home.url !== undefined)
      .map(
        ({ section, url }) =>
          `<a href="${url}"${section === current ? ' aria-current="true" class="current"' : ''}>${section}</a>`,
      );
    return JSX.createElement(JSX.Raw, {
      html: `<nav class="iotkit-sections" aria-label="Site sections">${links.join('<span aria-hidden="true"> · </span>')}</nav>`,
    });
  });

  // Search: a page's `keywords` frontmatter weighs like a name, so "SSE" finds the lecture on
  // server-sent events before API members whose names merely contain the letters.
  app.renderer.on(IndexEvent.PREPARE_INDEX, (event: IndexEvent) => {
    event.searchFieldWeights['keywords'] = 100;
    event.searchResults.forEach((reflection, index) => {
      const keywords = reflection.isDocument() ? reflection.frontmatter['keywords'] : undefined;
      const text = Array.isArray(keywords)
        ? keywords.join(' ')
        : typeof keywords === 'string'
          ? keywords
          : '';
      event.searchFields[index] = { ...event.searchFields[index], keywords: text };
    });
  });

  app.renderer.on(RendererEvent.END, (event: RendererEvent) => {
    const map = buildSiteMap(pages(), (target) => app.renderer.router!.getFullUrl(target), event.project);
    writeFileSync(join(event.outputDirectory, SITE_MAP_FILE), `${JSON.stringify(map, null, 2)}\n`);
  });
}

function sectionOf(
  model: Reflection,
  placements: ReadonlyMap<DocumentReflection, Placement>,
): Section | undefined {
  if (model instanceof ProjectReflection) return undefined;
  if (model instanceof DocumentReflection) return placements.get(model)?.section;
  return 'Reference';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstHeading(doc: DocumentReflection): string | undefined {
  const text = doc.content.map((part) => part.text).join('');
  return /^#\s+(.+?)\s*$/m.exec(text)?.[1]?.replace(/[`*]/g, '');
}
