// One entry for the site build: a fenced block's language and text in, a <figure> out.
import { DiagramError } from './diagram-error.js';
import { parseFlowchart, renderFlowchartSvg } from './flowchart-diagram.js';
import { parseLayersDiagram, renderLayersSvg } from './layers-diagram.js';
import { parseSequenceDiagram } from './sequence-parser.js';
import { renderSequenceSvg } from './sequence-svg.js';
import { escapeXml } from './svg-text.js';

/** Fence languages the site pre-renders to SVG. */
export const DIAGRAM_LANGUAGES = ['mermaid', 'layers'] as const;

/** A fence language the site pre-renders to SVG. */
export type DiagramLanguage = (typeof DIAGRAM_LANGUAGES)[number];

/**
 * Renders one diagram to a single-line HTML `<figure>` holding an inline SVG (a single line, so
 * Markdown treats it as one HTML block). Mermaid blocks must be sequence diagrams or flowcharts:
 * other Mermaid types would need a browser to lay out, so they fail the build instead of shipping
 * blank.
 */
export function renderDiagram(language: DiagramLanguage, source: string): string {
  let svg: string;
  let title: string | undefined;
  if (language === 'layers') {
    const diagram = parseLayersDiagram(source);
    svg = renderLayersSvg(diagram);
    title = diagram.title;
  } else {
    const first = source.trim().split('\n', 1)[0]?.trim() ?? '';
    if (/^(flowchart|graph)\b/.test(first)) {
      svg = renderFlowchartSvg(parseFlowchart(source));
    } else if (first === 'sequenceDiagram') {
      const diagram = parseSequenceDiagram(source);
      svg = renderSequenceSvg(diagram);
      title = diagram.title;
    } else {
      throw new DiagramError(
        `Mermaid "${first}" diagrams are not pre-rendered (sequenceDiagram and flowchart are); use a "layers" block or an SVG file`,
      );
    }
  }
  const caption = title ? `<figcaption>${escapeXml(title)}</figcaption>` : '';
  return `<figure class="iotkit-figure">${svg}${caption}</figure>`;
}
