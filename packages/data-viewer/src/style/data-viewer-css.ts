/**
 * The viewer's styles, for a page's `<style>` element: the tree (keys, values by type, a yellow
 * flash on a changed value, a red strike-through fading out on a removed node) and the log
 * (one row per operation, coloured by outcome).
 */
export const DATA_VIEWER_CSS = `
.dv-tree { font-family: ui-monospace, monospace; font-size: 0.85rem; line-height: 1.5; }
.dv-tree ul { list-style: none; margin: 0; padding-left: 1.1rem; }
.dv-tree > ul { padding-left: 0; }
.dv-row { display: inline-flex; gap: 0.35rem; align-items: baseline; border-radius: 3px; padding: 0 0.2rem; }
.dv-toggle { cursor: pointer; user-select: none; width: 1rem; color: #7a8195; border: 0; background: none; padding: 0; font: inherit; }
.dv-key { color: #1d4ed8; }
.dv-value { color: #1d2330; }
.dv-value.dv-string { color: #047857; }
.dv-value.dv-number { color: #b45309; }
.dv-value.dv-boolean { color: #7c3aed; }
.dv-count { color: #7a8195; }
.dv-empty { color: #7a8195; font-style: italic; }
.dv-changed > .dv-row { animation: dv-flash 1.6s ease-out; }
.dv-removed > .dv-row { text-decoration: line-through; color: #b83232; animation: dv-leave 1.6s ease-in forwards; }
@keyframes dv-flash { from { background: #fde68a; } to { background: transparent; } }
@keyframes dv-leave { from { opacity: 1; background: #fecaca; } to { opacity: 0.15; background: transparent; } }
.dv-log { font-family: ui-monospace, monospace; font-size: 0.8rem; list-style: none; margin: 0; padding: 0; max-height: 18rem; overflow: auto; }
.dv-op { display: grid; grid-template-columns: 4.2rem 1fr 3rem; gap: 0.4rem; padding: 0.1rem 0.3rem; border-bottom: 1px solid #eef0f4; }
.dv-op .dv-method { font-weight: 600; }
.dv-op .dv-path { overflow-wrap: anywhere; }
.dv-op .dv-query { color: #7a8195; }
.dv-op .dv-status { text-align: right; }
.dv-op.dv-ok .dv-status { color: #1f9d55; }
.dv-op.dv-denied, .dv-op.dv-error, .dv-op.dv-network { background: #fdecec; }
.dv-op.dv-denied .dv-status, .dv-op.dv-error .dv-status, .dv-op.dv-network .dv-status { color: #b83232; }
.dv-op.dv-not-found .dv-status { color: #b45309; }
.dv-op.dv-auth { color: #4a5163; }
`;
