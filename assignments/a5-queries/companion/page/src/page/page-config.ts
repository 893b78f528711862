/** What the A5 page needs to find the device's data; the server embeds it in the HTML. */
export interface A5PageConfig {
  /** `host:port` of the RTDB the page connects to (the local backend). */
  readonly databaseHost: string;
  readonly namespace: string;
  readonly projectId: string;
  /** The device account's uid: the page shows `/devices/{uid}` and reads it as that user. */
  readonly uid: string;
  /** The child the device orders by and the prefix it selects (shown beside the live query). */
  readonly orderBy: string;
  readonly prefix: string;
  /** Whether the device keeps the query open as a stream (bonus B4); shown beside the query. */
  readonly live?: boolean;
}
