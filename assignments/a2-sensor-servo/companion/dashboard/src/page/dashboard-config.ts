/** What the page needs to find the device's data; the server embeds it in the HTML. */
export interface DashboardConfig {
  /** `host:port` of the RTDB the page connects to (the local backend). */
  readonly databaseHost: string;
  readonly namespace: string;
  readonly projectId: string;
  /** The device account's uid: its subtree `/devices/{uid}` is shown. */
  readonly uid: string;
}
