import { DATA_VIEWER_CSS } from '@iotkit/data-viewer';
import type { DashboardConfig } from './page/dashboard-config.js';

/** JSON that is safe inside a `<script>` element: no `</script>` or comment openers survive. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The dashboard's HTML: static markup the bundled script fills in, plus the embedded config. */
export function dashboardPage(config: DashboardConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A2 dashboard</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
  header { display: flex; align-items: center; gap: 1rem; padding: 0.8rem 1.2rem; background: #1d2330; color: #fff; }
  header h1 { font-size: 1.1rem; margin: 0; }
  .pill { padding: 0.15rem 0.6rem; border-radius: 999px; font-size: 0.85rem; }
  .pill.on { background: #1f9d55; } .pill.off { background: #b83232; }
  main { display: grid; grid-template-columns: 2fr 1fr; gap: 1rem; padding: 1rem 1.2rem; }
  section { background: #fff; border-radius: 8px; padding: 0.8rem 1rem; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 0.95rem; margin: 0 0 0.5rem; color: #4a5163; }
  .lcd { font-family: ui-monospace, monospace; font-size: 1.4rem; background: #3d6b1f; color: #d8f5b8;
         padding: 0.5rem 0.7rem; border-radius: 4px; white-space: pre; display: inline-block; }
  .big { font-size: 2rem; font-weight: 600; }
  .muted { color: #7a8195; font-size: 0.85rem; }
  .wide { grid-column: 1 / -1; }
${DATA_VIEWER_CSS}
</style>
</head>
<body>
<header><h1>A2 · IR → servo</h1><span class="muted">device <code id="uid"></code></span><span id="connection" class="pill off">offline</span></header>
<main>
  <section>
    <h2>Readings (last 60) · <span id="reading-count">0</span> shown · latest <span id="latest-ir">–</span> <span id="latest-ts" class="muted"></span></h2>
    <svg viewBox="0 0 600 220" width="100%" role="img" aria-label="IR readings over time">
      <rect x="12" y="12" width="576" height="196" fill="#f8f9fb" stroke="#d5d9e2"/>
      <polyline id="chart-line" fill="none" stroke="#2563eb" stroke-width="2" points=""/>
    </svg>
  </section>
  <section>
    <h2>Servo angle</h2>
    <svg viewBox="0 0 220 125" width="100%" role="img" aria-label="servo angle gauge">
      <path d="M 20 110 A 90 90 0 0 1 200 110" fill="none" stroke="#d5d9e2" stroke-width="14"/>
      <line id="needle" x1="110" y1="110" x2="20" y2="110" stroke="#b45309" stroke-width="4" stroke-linecap="round"/>
      <circle cx="110" cy="110" r="6" fill="#1d2330"/>
    </svg>
    <div><span id="angle" class="big">–</span> <span id="angle-source" class="muted"></span></div>
  </section>
  <section>
    <h2>LCD</h2>
    <div class="lcd"><div id="lcd-line1">                </div><div id="lcd-line2">                </div></div>
  </section>
  <section class="wide">
    <h2>Data (live)</h2>
    <div id="data-tree"></div>
  </section>
</main>
<script type="application/json" id="config">${scriptSafeJson(config)}</script>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
}
