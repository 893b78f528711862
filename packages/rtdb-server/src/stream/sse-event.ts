/** One SSE event in the wire form Firebase uses: `event: <type>\ndata: <json>\n\n`. */
export function formatSseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
