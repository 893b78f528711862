import { describe, expect, it } from 'vitest';
import { expandReport, figureMarkers, reportHtml, type LabFigure } from '../../src/report/report-document.js';

const figure: LabFigure = {
  lab: 'http-versions',
  title: '100 GET requests',
  measuredAt: '2026-12-05T19:08:59.083Z',
  rows: [
    { protocol: 'HTTP/1.0', connections: 100 },
    { protocol: 'HTTP/2 <h2c>', connections: 1 },
  ],
  svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
};
const figures = new Map([['http-versions', figure]]);

describe('report document', () => {
  it('puts each placed lab figure where its marker is, numbered in order, with a note for a lab without results', () => {
    const md = '# R\n\ntext\n\n<!-- lab: http-versions -->\n\nmore\n\n<!-- lab: rtdb -->\n';
    expect(figureMarkers(md)).toEqual(['http-versions', 'rtdb']);
    const out = expandReport(md, figures);
    expect(out).toContain(
      'Figure 1: lab <code>http-versions</code>, 100 GET requests (measured 2026-12-05T19:08:59.083Z)',
    );
    expect(out).toContain('<td>HTTP/2 &lt;h2c&gt;</td><td>1</td>');
    expect(out).toContain(`src="data:image/svg+xml;base64,${Buffer.from(figure.svg).toString('base64')}"`);
    expect(out).toContain(
      'Figure 2: lab <code>rtdb</code> has no results yet. Run <code>pnpm --filter @iotkit/a1-protocols lab rtdb</code>',
    );
    expect(out.indexOf('Figure 1')).toBeLessThan(out.indexOf('more'));
  });

  it('shows a citation as its value with the lab as a superscript', () => {
    expect(expandReport('opened {{http-versions | HTTP/1.0 | connections = 100}} connections', figures)).toBe(
      'opened <span class="cite" title="http-versions: HTTP/1.0, connections">100<sup>http-versions</sup></span> connections',
    );
  });

  it('makes a standalone page: title from the first heading, markdown rendered, figures kept as HTML', () => {
    const html = reportHtml(
      '# My <report>\n\n## 1. OSI\n\nSome *prose*.\n\n<!-- lab: http-versions -->\n',
      figures,
    );
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>My &lt;report&gt;</title>');
    expect(html).toContain('<em>prose</em>');
    expect(html).toContain('<figure class="lab" id="figure-http-versions">');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
