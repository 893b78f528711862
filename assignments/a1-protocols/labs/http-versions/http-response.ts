/**
 * An HTTP/1.x response read from raw bytes (lab `http-versions`, row 3).
 *
 * The lab's client writes a request on a `net.Socket` and hands every byte it has received so far
 * to {@link parseHttpResponse}, until a whole response is there. A response is a status line
 * (`HTTP/1.1 200 OK`), header lines (`Name: value`, names case-insensitive), an empty line, then a
 * body whose end is given by `Content-Length`, by `Transfer-Encoding: chunked` (hex size line,
 * data, CRLF, … a 0-size chunk, optional trailers, an empty line) or, without either, by the
 * server closing the connection.
 */

/** A whole response. */
export interface HttpResponse {
  /** `HTTP/1.0` or `HTTP/1.1`. */
  version: string;
  status: number;
  reason: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body (decoded from chunks when chunked), as latin1 text. */
  body: string;
  /** How many bytes of `raw` the response took (a keep-alive connection may carry the next one). */
  length: number;
}

/**
 * Parses the first response in `raw`.
 * @param raw - the bytes received so far, as latin1 text
 * @param closed - whether the server has closed the connection (ends a body without a length)
 * @returns the response, or `null` while it is incomplete
 * @throws Error whose message starts with `bad HTTP response:` for a malformed status line, header or chunk size
 */
export function parseHttpResponse(raw: string, closed = false): HttpResponse | null {
  // BEGIN SOLUTION: find "\r\n\r\n"; parse the status line and headers; then Content-Length, chunked, or read-until-close
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd === -1) return null;
  const [statusLine = '', ...headerLines] = raw.slice(0, headEnd).split('\r\n');
  const status = /^(HTTP\/1\.[01]) (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!status) throw new Error(`bad HTTP response: status line ${JSON.stringify(statusLine)}`);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`bad HTTP response: header line ${JSON.stringify(line)}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const start = headEnd + 4;
  const base = { version: status[1]!, status: Number(status[2]), reason: status[3] ?? '', headers };
  if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) {
    let at = start;
    let body = '';
    for (;;) {
      const lineEnd = raw.indexOf('\r\n', at);
      if (lineEnd === -1) return null;
      const sizeText = raw.slice(at, lineEnd).split(';')[0]!.trim();
      if (!/^[0-9a-fA-F]+$/.test(sizeText))
        throw new Error(`bad HTTP response: chunk size ${JSON.stringify(sizeText)}`);
      const size = parseInt(sizeText, 16);
      at = lineEnd + 2;
      if (size === 0) {
        // trailers end with an empty line
        const end = raw.indexOf('\r\n', at);
        if (end === -1) return null;
        if (end === at) return { ...base, body, length: at + 2 };
        const trailersEnd = raw.indexOf('\r\n\r\n', at);
        if (trailersEnd === -1) return null;
        return { ...base, body, length: trailersEnd + 4 };
      }
      if (raw.length < at + size + 2) return null;
      body += raw.slice(at, at + size);
      at += size + 2;
    }
  }
  if (headers['content-length'] !== undefined) {
    const size = Number(headers['content-length']);
    if (!Number.isInteger(size) || size < 0)
      throw new Error(`bad HTTP response: Content-Length ${JSON.stringify(headers['content-length'])}`);
    if (raw.length < start + size) return null;
    return { ...base, body: raw.slice(start, start + size), length: start + size };
  }
  if (base.status === 204 || base.status === 304 || (base.status >= 100 && base.status < 200))
    return { ...base, body: '', length: start };
  return closed ? { ...base, body: raw.slice(start), length: raw.length } : null;
  // END SOLUTION
}
