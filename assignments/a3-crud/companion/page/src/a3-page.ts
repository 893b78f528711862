import { DATA_VIEWER_CSS } from '@iotkit/data-viewer';
import type { A3PageConfig } from './page/page-config.js';

/** JSON that is safe inside a `<script>` element: no `</script>` or comment openers survive. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The A3 page's HTML: static markup the bundled script fills in, plus the embedded config. */
export function a3Page(config: A3PageConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A3 · read, update, delete</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
  header { display: flex; align-items: center; gap: 1rem; padding: 0.8rem 1.2rem; background: #1d2330; color: #fff; }
  header h1 { font-size: 1.1rem; margin: 0; }
  .pill { padding: 0.15rem 0.6rem; border-radius: 999px; font-size: 0.85rem; }
  .pill.on { background: #1f9d55; } .pill.off { background: #b83232; }
  main { display: grid; grid-template-columns: minmax(18rem, 1fr) 1.4fr 1.4fr; gap: 1rem; padding: 1rem 1.2rem; align-items: start; }
  section { background: #fff; border-radius: 8px; padding: 0.8rem 1rem; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 0.95rem; margin: 0 0 0.5rem; color: #4a5163; }
  .lcd { font-family: ui-monospace, monospace; font-size: 1.3rem; background: #3d6b1f; color: #d8f5b8;
         padding: 0.5rem 0.7rem; border-radius: 4px; white-space: pre; display: inline-block; }
  #keypad { display: grid; grid-template-columns: repeat(4, 3rem); gap: 0.4rem; margin-top: 0.8rem; }
  .key { height: 2.6rem; font-size: 1.1rem; border-radius: 6px; border: 1px solid #c5cad6; background: #fafbfc; cursor: pointer; }
  .key.letter { background: #e0e7ff; }
  .muted { color: #7a8195; font-size: 0.85rem; }
  .help { font-size: 0.85rem; color: #4a5163; margin: 0.6rem 0 0; padding-left: 1.1rem; }
${DATA_VIEWER_CSS}
</style>
</head>
<body>
<header><h1>A3 · read, update, delete</h1><span class="muted">device <code id="uid"></code></span><span id="connection" class="pill off">offline</span><span id="device-state" class="muted"></span></header>
<main>
  <section>
    <h2>LCD · <span id="menu-state" class="muted">waiting</span></h2>
    <div class="lcd"><div id="lcd-line1">                </div><div id="lcd-line2">                </div></div>
    <div id="keypad" aria-label="keypad"></div>
    <div id="key-error" class="muted"></div>
    <ul class="help">
      <li><b>A</b> read the latest 3 readings</li>
      <li><b>B</b> digits <b>#</b> save a new threshold</li>
      <li><b>C</b> <b>#</b> delete the oldest reading</li>
      <li><b>*</b> back, <b>D</b> menu</li>
    </ul>
  </section>
  <section>
    <h2>Data</h2>
    <div id="data-tree"></div>
  </section>
  <section>
    <h2>Operations (newest first)</h2>
    <div id="operation-log"></div>
  </section>
</main>
<script type="application/json" id="config">${scriptSafeJson(config)}</script>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
}
