/** What the A3 page needs to find the device's data; the server embeds it in the HTML. */
export interface A3PageConfig {
  /** `host:port` of the RTDB the page connects to (the local backend). */
  readonly databaseHost: string;
  readonly namespace: string;
  readonly projectId: string;
  /** The device account's uid: the page shows `/devices/{uid}` and reads it as that user. */
  readonly uid: string;
}
