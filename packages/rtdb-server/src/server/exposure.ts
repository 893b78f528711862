/** Whether `host` is an interface only this machine can reach (`localhost`, `::1`, `127.x.y.z`). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * One line for a start banner saying who may use the admin endpoints of a server, given
 * {@link RunningRtdbServer.exposed}.
 */
export function exposureNotice(exposed: boolean): string {
  return exposed
    ? 'exposed on the network: /.settings and /.inspect need the owner credential (auth=owner)'
    : 'loopback only: /.settings and /.inspect are open to this machine, as in the emulator';
}
