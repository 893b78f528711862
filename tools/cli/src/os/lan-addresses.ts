import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';

/** One address other machines on the local network may use to reach this one. */
export interface LanAddress {
  /** Interface name, e.g. `wlan0` or `en0`. */
  readonly interface: string;
  /** IPv4 address, e.g. `192.168.1.20`. */
  readonly address: string;
}

/**
 * This machine's non-loopback IPv4 addresses (an ESP32's Arduino core speaks IPv4 only). Link-local
 * 169.254.x.x addresses are left out: they mean no DHCP, not a network a board could join.
 *
 * @param interfaces - the OS's table (default: `os.networkInterfaces()`), injectable for tests
 * @returns the addresses, Wi-Fi/Ethernet-looking interfaces first
 */
export function lanAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.internal || entry.family !== 'IPv4' || entry.address.startsWith('169.254.')) continue;
      found.push({ interface: name, address: entry.address });
    }
  }
  // Virtual bridges (docker0, br-…, veth…, virbr…) are rarely where the board is.
  const virtual = (name: string): boolean => /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap)/.test(name);
  return found.sort((a, b) => Number(virtual(a.interface)) - Number(virtual(b.interface)));
}
