import { readFileSync } from 'node:fs';
import { CliError } from '../cli-error.js';

/** What a firmware project's `include/secrets.h` holds: Wi-Fi and the device config JSON. */
export interface DeviceSecrets {
  /** Wi-Fi network name (`kWifiSsid`). */
  readonly wifiSsid: string;
  /** Wi-Fi password (`kWifiPassword`). */
  readonly wifiPassword: string;
  /**
   * The device config (`kDeviceConfigJson`): the same JSON the virtual device takes as `--config`
   * (`rtdbUrl`, `namespace`, `authUrl`, `apiKey`, `email`, `password`, `app`, `tls`).
   */
  readonly deviceConfig: Record<string, unknown>;
}

/** Placeholders the student replaces; the ESP32 says "Wi-Fi SSID" problems on its LCD if left. */
export const WIFI_PLACEHOLDERS = { ssid: 'your-wifi', password: 'your-password' } as const;

const RAW_OPEN = 'R"json(';
const RAW_CLOSE = ')json"';

// A C string literal: only printable ASCII stays as it is; octal escapes cannot run into a
// following digit the way \x escapes do (at most three digits are read).
function cString(value: string): string {
  let out = '"';
  for (const byte of Buffer.from(value, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

function unCString(body: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += octal[0].length;
    } else {
      const next = body[i + 1] ?? '';
      bytes.push(next === 'n' ? 10 : next === 't' ? 9 : next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Writes the text of a `secrets.h`. The config goes in a raw string literal, exactly as JSON.
 *
 * @param secrets - the values
 * @param comment - lines for the header comment (what wrote it, for which target)
 * @returns the file text
 * @throws {@link CliError} `cli/invalid-config` when a value would end the raw string early
 */
export function renderSecretsHeader(secrets: DeviceSecrets, comment: readonly string[]): string {
  const json = JSON.stringify(secrets.deviceConfig, null, 2);
  if (json.includes(RAW_CLOSE)) {
    throw new CliError(
      'cli/invalid-config',
      `a config value contains "${RAW_CLOSE}", which cannot go into secrets.h`,
    );
  }
  return [
    ...comment.map((line) => `// ${line}`),
    '#pragma once',
    '',
    `constexpr const char* kWifiSsid = ${cString(secrets.wifiSsid)};`,
    `constexpr const char* kWifiPassword = ${cString(secrets.wifiPassword)};`,
    `constexpr const char* kDeviceConfigJson = ${RAW_OPEN}${json}${RAW_CLOSE};`,
    '',
  ].join('\n');
}

/**
 * Reads the values back from the text of a `secrets.h` (one written by `iotkit secrets`, or a
 * `secrets.example.h` edited by hand), so the virtual device can run with the same config.
 *
 * @param text - the header's text
 * @param name - the file, for error messages
 * @returns the values
 * @throws {@link CliError} `cli/invalid-config` naming what is missing or not JSON
 */
export function parseSecretsHeader(text: string, name = 'secrets.h'): DeviceSecrets {
  const string = (symbol: string): string => {
    const match = new RegExp(`\\b${symbol}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(text);
    if (!match) throw new CliError('cli/invalid-config', `${name} has no ${symbol} = "…"`);
    return unCString(match[1]!);
  };
  const raw = /\bkDeviceConfigJson\s*=\s*R"json\(([\s\S]*?)\)json"/.exec(text);
  if (!raw) throw new CliError('cli/invalid-config', `${name} has no kDeviceConfigJson = R"json(…)json"`);
  let deviceConfig: unknown;
  try {
    deviceConfig = JSON.parse(raw[1]!);
  } catch (cause) {
    throw new CliError(
      'cli/invalid-config',
      `kDeviceConfigJson in ${name} is not JSON: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  if (typeof deviceConfig !== 'object' || deviceConfig === null || Array.isArray(deviceConfig)) {
    throw new CliError('cli/invalid-config', `kDeviceConfigJson in ${name} must be a JSON object`);
  }
  return {
    wifiSsid: string('kWifiSsid'),
    wifiPassword: string('kWifiPassword'),
    deviceConfig: deviceConfig as Record<string, unknown>,
  };
}

/**
 * {@link parseSecretsHeader} of a file.
 *
 * @param file - path of the header
 * @returns the values
 */
export function readSecretsHeader(file: string): DeviceSecrets {
  return parseSecretsHeader(readFileSync(file, 'utf8'), file);
}
