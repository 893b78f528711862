import type { Command } from '../command.js';
import { TARGET_OPTION } from '../target/target-option.js';

/** `iotkit start`: brings up the local backend and keeps it running until Ctrl-C. */
export const startCommand: Command = {
  name: 'start',
  summary: 'run the local backend (Realtime Database + Auth emulator + MQTT broker) until Ctrl-C',
  usage: [
    'Usage: pnpm iotkit start [ASSIGNMENT] [--target KIND] [--auth-port PORT] [--database-port PORT] [--mqtt-port PORT] [--data-dir DIR] [--backend-only] [--lan] [--once]',
    '',
    'Starts the local backend on the ports of firebase.json (Database 9000, Auth 9099), an MQTT broker (1883, and',
    'MQTT over WebSocket), and prints their URLs and the',
    'environment variables that point the official SDKs at it, then runs ASSIGNMENT (default a2) on it: its',
    'reference firmware as a virtual device and its page. Stops cleanly on Ctrl-C.',
    'With --target emulators or firebase nothing is started here; it prints how to reach that target.',
  ].join('\n'),
  options: {
    target: TARGET_OPTION,
    'auth-port': {
      type: 'string',
      valueName: 'PORT',
      description: 'Auth emulator port (default: firebase.json, 9099)',
    },
    'mqtt-port': {
      type: 'string',
      valueName: 'PORT',
      description: 'MQTT broker port (default 1883, or a free one when 1883 is taken)',
    },
    'database-port': {
      type: 'string',
      valueName: 'PORT',
      description: 'Realtime Database port (default: firebase.json, 9000)',
    },
    'data-dir': {
      type: 'string',
      valueName: 'DIR',
      description: 'where the database keeps its data (default: .iotkit/database)',
    },
    'backend-only': {
      type: 'boolean',
      description: 'start only the backend, no assignment demo (device, functions, page)',
    },
    'no-a2': {
      type: 'boolean',
      description: 'the same as --backend-only (kept for older scripts)',
    },
    once: { type: 'boolean', description: 'start, print, then stop at once (for scripts and tests)' },
    lan: {
      type: 'boolean',
      description:
        'also listen on the LAN for real ESP32s (prints a warning, the addresses and the values a board needs; admin endpoints then need the owner credential)',
    },
  },
  allowPositionals: true,
  async run(args, io) {
    const { runStart } = await import('./start-run.js');
    return runStart(args, io);
  },
};
