import type { LanAddress } from './lan-addresses.js';

/** What `iotkit start --lan` tells the user, split by stream. */
export interface LanNotice {
  /** The warning, for standard error. */
  readonly warning: readonly string[];
  /** Where the laptop is and what a board needs, for standard output. */
  readonly details: readonly string[];
}

/**
 * The banner of LAN mode: a warning, this machine's addresses, and the values a real ESP32 needs.
 *
 * @param addresses - from `lanAddresses()`
 * @param databasePort - the RTDB server's port
 * @param authPort - the Auth emulator's port
 * @param namespace - the database the kit uses (`?ns=`)
 * @returns the lines
 */
export function lanNotice(
  addresses: readonly LanAddress[],
  databasePort: number,
  authPort: number,
  namespace: string,
): LanNotice {
  const warning = [
    'WARNING: --lan: the backend listens on every network interface, so anyone on this network can reach it.',
    '         Its accounts are test accounts and its admin endpoints (/.settings, /.inspect) now need the owner',
    '         credential, but treat it as open: use it only on a network you trust, and stop it when done.',
  ];
  const first = addresses[0]?.address;
  if (first === undefined) {
    return {
      warning,
      details: [
        'This machine has no network address besides loopback: join the Wi-Fi your ESP32 will use (2.4 GHz),',
        'then start again.',
      ],
    };
  }
  return {
    warning,
    details: [
      `This machine on the network: ${addresses.map((a) => `${a.address} (${a.interface})`).join(', ')}`,
      'A real ESP32 on the same network needs (`pnpm iotkit secrets <assignment>` writes them into secrets.h):',
      `  rtdbUrl    http://${first}:${databasePort}`,
      `  authUrl    http://${first}:${authPort}`,
      `  namespace  ${namespace}`,
      '  apiKey     any text, e.g. demo-key',
      `If the board cannot connect, allow incoming TCP ${databasePort} and ${authPort} in this machine's firewall.`,
    ],
  };
}
