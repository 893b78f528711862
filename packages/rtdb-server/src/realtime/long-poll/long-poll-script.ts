/**
 * The scripts and page a `/.lp` endpoint answers with. The SDK loads every response as a
 * `<script src>` inside one hidden iframe; the start response defines `pLPCommand`/`pRTLPCB` in
 * that iframe, forwarding to the `pLPCommand<cb>`/`pRTLPCB<cb>` callbacks the SDK put on the page.
 */

// JSON is valid JavaScript, except that old engines reject raw U+2028/U+2029 in string literals.
function scriptSafe(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The response numbered `seq` carrying server messages; the SDK processes responses strictly in
 * `seq` order, whatever order the browser ran the scripts in.
 *
 * @param seq - response number (0 is the start response)
 * @param messages - message texts (JSON envelopes), in sending order
 * @returns JavaScript text
 */
export function dataScript(seq: number, messages: readonly string[]): string {
  return `pRTLPCB(${seq},[${scriptSafe(messages.join(','))}]);\n`;
}

/**
 * Tells the SDK the connection is over. With `lastSeq` it first processes every response up to
 * that number (a graceful end, as after a transport upgrade); without, it closes at once.
 *
 * @param lastSeq - number of the last response the server sent
 * @returns JavaScript text
 */
export function closeScript(lastSeq?: number): string {
  return lastSeq === undefined ? `pLPCommand('close');\n` : `pLPCommand('close',${lastSeq});\n`;
}

/**
 * The answer to `start=t`: defines the iframe-local callbacks, hands over the connection id and
 * password, and delivers response 0 (the hello).
 *
 * @param callbackId - the `cb` parameter (validated: letters and digits)
 * @param id - connection id the SDK sends with every poll
 * @param password - connection password the SDK sends with every poll
 * @param messages - the first server messages (the hello)
 * @returns JavaScript text
 */
export function startScript(
  callbackId: string,
  id: string,
  password: string,
  messages: readonly string[],
): string {
  const command = `pLPCommand${callbackId}`;
  const data = `pRTLPCB${callbackId}`;
  return (
    `function pLPCommand(c,a1,a2,a3,a4){parent.window[${JSON.stringify(command)}]&&parent.window[${JSON.stringify(command)}](c,a1,a2,a3,a4);}\n` +
    `function pRTLPCB(pN,data){parent.window[${JSON.stringify(data)}]&&parent.window[${JSON.stringify(data)}](pN,data);}\n` +
    `pLPCommand('start',${JSON.stringify(id)},${JSON.stringify(password)});\n` +
    dataScript(0, messages)
  );
}

/**
 * The hidden page (`dframe=t`) that reports the browser leaving. `sendBeacon` survives page
 * unload where browsers now forbid synchronous requests; the request is a POST then.
 *
 * @param disconnectUrl - path and query of the `disconn=t` request
 * @returns HTML text
 */
export function disconnectFrameHtml(disconnectUrl: string): string {
  const url = JSON.stringify(disconnectUrl).replace(/</g, '\\u003c');
  return (
    '<!doctype html><html><body><script>\n' +
    'var sent=false;\n' +
    'function leave(){if(sent)return;sent=true;try{if(navigator.sendBeacon&&navigator.sendBeacon(' +
    url +
    '))return;}catch(e){}\n' +
    'try{var x=new XMLHttpRequest();x.open("GET",' +
    url +
    ',false);x.send(null);}catch(e){}}\n' +
    "window.addEventListener('pagehide',leave,false);window.addEventListener('unload',leave,false);\n" +
    '</script></body></html>\n'
  );
}
