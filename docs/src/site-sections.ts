// Where each page of docs/ sits in the site: its section (the top-level navigation) and its
// place in that section. Decided from the file's path, so a page added later by anyone lands in
// the right section without touching the site configuration.

/** The four top-level sections, in navigation order. */
export const SECTIONS = ['Course', 'Assignments', 'Guides', 'Reference'] as const;

/** One top-level section of the site. */
export type Section = (typeof SECTIONS)[number];

/** Guides for students come before guides for instructors; unknown names go last. */
export const STUDENT_GUIDES = [
  'getting-started',
  'checking-your-work',
  'firmware',
  'hardware',
  'security-rules',
] as const;

/** Guides written for instructors, in reading order. */
export const INSTRUCTOR_GUIDES = ['grading', 'handouts', 'mutants', 'class-scale'] as const;

/** Where a page of docs/ goes. */
export interface Placement {
  readonly section: Section;
  /** Sort key inside the section: lower first. */
  readonly rank: number;
  /** Tie-breaker inside a rank (the path). */
  readonly key: string;
  /** The audience of a guide, when it is a guide. */
  readonly audience?: 'students' | 'instructors';
}

/**
 * Places the page at `path` (relative to docs/, forward slashes, with `.md`). `courseOrder` is
 * the teaching order: the course overview's links, as paths relative to docs/.
 */
export function placePage(path: string, courseOrder: readonly string[] = []): Placement {
  const name = path.replace(/\.md$/, '').split('/').at(-1) as string;
  const isIndex = name === 'index';
  if (path.startsWith('course/')) {
    const taught = courseOrder.indexOf(path);
    return { section: 'Course', rank: isIndex ? -1 : taught === -1 ? 1000 : taught, key: path };
  }
  if (path.startsWith('assignments/')) {
    return { section: 'Assignments', rank: isIndex ? -1 : 0, key: path };
  }
  if (path.startsWith('packages/')) {
    return { section: 'Reference', rank: isIndex ? -1 : name === 'cli' ? 0 : 1, key: path };
  }
  if (isIndex && path.startsWith('guides/')) return { section: 'Guides', rank: -1, key: path };
  const student = (STUDENT_GUIDES as readonly string[]).indexOf(name);
  if (student !== -1) return { section: 'Guides', rank: student, key: path, audience: 'students' };
  const instructor = (INSTRUCTOR_GUIDES as readonly string[]).indexOf(name);
  if (instructor !== -1) {
    return { section: 'Guides', rank: 100 + instructor, key: path, audience: 'instructors' };
  }
  const instructorPath =
    /(^|\/)instructors?\//.test(path) || /grad|mutant|handout|scale|roster|export/.test(name);
  return instructorPath
    ? { section: 'Guides', rank: 199, key: path, audience: 'instructors' }
    : { section: 'Guides', rank: 99, key: path, audience: 'students' };
}

/** Orders placements: by section, then rank, then path. */
export function comparePlacements(a: Placement, b: Placement): number {
  return (
    SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) || a.rank - b.rank || a.key.localeCompare(b.key)
  );
}

/** The paths (relative to docs/) that the course overview links to, in order of first mention. */
export function linkedCoursePages(overviewMarkdown: string): string[] {
  const order: string[] = [];
  for (const match of overviewMarkdown.matchAll(/\]\(\.\/([\w-]+\.md)(?:#[\w-]*)?\)/g)) {
    const path = `course/${match[1] as string}`;
    if (!order.includes(path)) order.push(path);
  }
  return order;
}
