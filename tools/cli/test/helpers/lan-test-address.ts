import { spawnSync } from 'node:child_process';
import { lanAddresses } from '../../src/os/lan-addresses.js';

/** A non-loopback IPv4 address of this very machine, and how to remove it again. */
export interface LanTestAddress {
  readonly address: string;
  readonly createdNamespace: boolean;
  cleanup(): void;
}

function ip(args: string[]): void {
  const run = spawnSync('ip', args, { encoding: 'utf8' });
  if (run.error !== undefined || run.status !== 0) {
    throw new Error(
      `this machine has no LAN address and \`ip ${args.join(' ')}\` failed (${run.error?.message ?? run.stderr.trim()}): ` +
        'the LAN test needs either a network interface besides loopback, or root with iproute2 (apt install iproute2) ' +
        'to create a network namespace',
    );
  }
}

/**
 * The machine's own LAN address when it has one; else a veth pair into a network namespace this
 * test creates, whose host end gets a private address. Traffic only ever goes to this machine.
 */
export function lanTestAddress(): LanTestAddress {
  const existing = lanAddresses()[0];
  if (existing) return { address: existing.address, createdNamespace: false, cleanup: () => undefined };
  const tag = String(process.pid % 100000);
  const ns = `iotkit-lan-${tag}`;
  const host = `ikA${tag}`;
  const peer = `ikB${tag}`;
  ip(['netns', 'add', ns]);
  const cleanup = (): void => {
    spawnSync('ip', ['netns', 'del', ns]); // takes the veth pair with it
  };
  try {
    ip(['link', 'add', host, 'type', 'veth', 'peer', 'name', peer]);
    ip(['link', 'set', peer, 'netns', ns]);
    ip(['addr', 'add', '10.213.7.1/30', 'dev', host]);
    ip(['link', 'set', host, 'up']);
    ip(['netns', 'exec', ns, 'ip', 'link', 'set', peer, 'up']);
  } catch (error) {
    cleanup();
    throw error;
  }
  return { address: '10.213.7.1', createdNamespace: true, cleanup };
}
