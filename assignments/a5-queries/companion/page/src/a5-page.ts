import { DATA_VIEWER_CSS } from '@iotkit/data-viewer';
import type { A5PageConfig } from './page/page-config.js';

/** JSON that is safe inside a `<script>` element: no `</script>` or comment openers survive. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The A5 page's HTML: static markup the bundled script fills in, plus the embedded config. */
export function a5Page(config: A5PageConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A5 · queries</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
  header { padding: 0.8rem 1.2rem; background: #1d2330; color: #fff; }
  header h1 { font-size: 1.1rem; margin: 0; }
  main { display: grid; grid-template-columns: 1fr 1.3fr 1.3fr; gap: 1rem; padding: 1rem 1.2rem; align-items: start; }
  section { background: #fff; border-radius: 8px; padding: 0.8rem 1rem; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 0.95rem; margin: 0 0 0.5rem; color: #4a5163; }
  .lcd { font-family: ui-monospace, monospace; font-size: 1.3rem; background: #3d6b1f; color: #d8f5b8;
         padding: 0.5rem 0.7rem; border-radius: 4px; white-space: pre; display: inline-block; }
  #keypad { display: flex; gap: 0.4rem; margin-top: 0.8rem; }
  .key { width: 3rem; height: 2.6rem; font-size: 1.1rem; border-radius: 6px; border: 1px solid #c5cad6; background: #fafbfc; cursor: pointer; }
  code, pre { font-size: 0.85rem; }
  .muted { color: #7a8195; font-size: 0.85rem; }
${DATA_VIEWER_CSS}
</style>
</head>
<body>
<header><h1>A5 · readings selected by a child and a prefix</h1></header>
<main>
  <section>
    <h2>LCD</h2>
    <div class="lcd"><div id="lcd-line1">                </div><div id="lcd-line2">                </div></div>
    <div id="keypad" aria-label="keypad"></div>
    <div id="key-error" class="muted"></div>
    <p class="muted"># next match · * previous · A run the query again</p>
    <h2>Summary the device wrote</h2>
    <pre id="summary">nothing yet</pre>
  </section>
  <section>
    <h2>Live query · <span id="match-count">0</span> matches</h2>
    <code id="query-text"></code>
    <ol id="matches"></ol>
    <h2>Operations (newest first)</h2>
    <div id="operation-log"></div>
  </section>
  <section>
    <h2>Data</h2>
    <div id="data-tree"></div>
  </section>
</main>
<script type="application/json" id="config">${scriptSafeJson(config)}</script>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
}
