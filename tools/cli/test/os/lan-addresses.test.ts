import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses } from '../../src/os/lan-addresses.js';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '00:00:00:00:00:00',
    internal,
    cidr: `${address}/24`,
  };
}

describe('lanAddresses()', () => {
  it('lists non-loopback IPv4 addresses, real interfaces before virtual bridges', () => {
    const table = {
      lo: [v4('127.0.0.1', true)],
      docker0: [v4('172.17.0.1')],
      wlan0: [
        v4('192.168.1.20'),
        {
          address: 'fe80::1',
          netmask: 'ffff::',
          family: 'IPv6',
          mac: '',
          internal: false,
          cidr: null,
          scopeid: 2,
        } as NetworkInterfaceInfo,
      ],
      eth1: [v4('169.254.10.2')],
    };
    expect(lanAddresses(table)).toEqual([
      { interface: 'wlan0', address: '192.168.1.20' },
      { interface: 'docker0', address: '172.17.0.1' },
    ]);
  });

  it('is empty on a machine with loopback only', () => {
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)] })).toEqual([]);
  });
});
