import { describe, expect, it } from 'vitest';
import { comparePlacements, linkedCoursePages, placePage } from '../src/site-sections.js';

describe('placePage', () => {
  it('puts each folder of docs/ in its section, overview pages first', () => {
    expect(placePage('course/index.md')).toMatchObject({ section: 'Course', rank: -1 });
    expect(placePage('assignments/a4.md')).toMatchObject({ section: 'Assignments' });
    expect(placePage('packages/cli.md')).toMatchObject({ section: 'Reference', rank: 0 });
    expect(placePage('packages/auth.md')).toMatchObject({ section: 'Reference', rank: 1 });
    expect(placePage('getting-started.md')).toMatchObject({ section: 'Guides', audience: 'students' });
  });

  it('sorts guides for students before guides for instructors, new names included', () => {
    const paths = [
      'guides/grading.md',
      'guides/class-scale.md',
      'guides/wifi-tips.md',
      'guides/firmware.md',
      'guides/roster-import.md',
    ];
    const sorted = paths
      .map((path) => ({ path, placement: placePage(path) }))
      .sort((a, b) => comparePlacements(a.placement, b.placement))
      .map((entry) => [entry.path, entry.placement.audience]);
    expect(sorted).toEqual([
      ['guides/firmware.md', 'students'],
      ['guides/wifi-tips.md', 'students'],
      ['guides/grading.md', 'instructors'],
      ['guides/class-scale.md', 'instructors'],
      ['guides/roster-import.md', 'instructors'],
    ]);
  });

  it('orders course pages as the overview links them; unlisted pages go last', () => {
    const order = linkedCoursePages('1. [B](./b.md) then [A](./a.md#part) and [B again](./b.md)');
    expect(order).toEqual(['course/b.md', 'course/a.md']);
    const ranks = ['course/a.md', 'course/b.md', 'course/z.md'].map((path) => placePage(path, order).rank);
    expect(ranks).toEqual([1, 0, 1000]);
  });
});
