/**
 * The demo's page: one HTML document, no build step. It asks `/status.json` once a second and
 * shows the device's LCD, its token state and its latest readings. It never receives a token.
 */
export const STATUS_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A4 · ID token device</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 46rem; color: #1d2330; }
  h1 { font-size: 1.3rem; }
  .lcd { font-family: ui-monospace, monospace; background: #2f5d1e; color: #d9f7c4; padding: .6rem 1rem;
         display: inline-block; border-radius: 6px; white-space: pre; font-size: 1.2rem; }
  table { border-collapse: collapse; margin-top: 1rem; }
  td, th { text-align: left; padding: .25rem .8rem .25rem 0; vertical-align: top; }
  th { color: #5a6270; font-weight: 500; }
  code { background: #eef0f4; padding: 0 .25rem; border-radius: 3px; }
  #log { font-family: ui-monospace, monospace; font-size: .85rem; white-space: pre-wrap; color: #39404d; }
</style>
</head>
<body>
<h1>Assignment 4 · a device on a handed-over ID token</h1>
<div class="lcd" id="lcd">…</div>
<table>
  <tr><th>user (uid)</th><td><code id="uid"></code></td></tr>
  <tr><th>ID token claims</th><td id="claims"></td></tr>
  <tr><th>renewals seen</th><td id="renewals"></td></tr>
  <tr><th>latest reading</th><td id="latest"></td></tr>
  <tr><th>readings stored</th><td id="count"></td></tr>
</table>
<h2>Device log (tokens never appear here)</h2>
<div id="log"></div>
<script>
const text = (id, value) => { document.getElementById(id).textContent = value; };
async function tick() {
  try {
    const s = await (await fetch('status.json', { cache: 'no-store' })).json();
    text('lcd', s.lcd.join('\\n'));
    text('uid', s.uid);
    text('claims', 'iss ' + s.claims.iss + ' · aud ' + s.claims.aud + ' · provider ' + s.claims.signInProvider +
      ' · exp ' + new Date(s.claims.exp * 1000).toLocaleTimeString());
    text('renewals', String(s.renewals));
    text('latest', s.latest ? 'ir ' + s.latest.ir + ' at ' + new Date(s.latest.ts).toLocaleTimeString() : 'none yet');
    text('count', String(s.readings));
    text('log', s.log.join('\\n'));
  } catch (e) {
    text('lcd', 'page cannot reach the demo: ' + e.message);
  }
}
tick();
setInterval(tick, 1000);
</script>
</body>
</html>
`;
