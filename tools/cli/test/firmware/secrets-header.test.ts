import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli-error.js';
import { parseSecretsHeader, renderSecretsHeader } from '../../src/firmware/secrets-header.js';

describe('secrets.h text', () => {
  it('round-trips Wi-Fi values with quotes, backslashes and non-ASCII as C string literals', () => {
    const secrets = {
      wifiSsid: 'Lab "2.4" \\ café',
      wifiPassword: 'p4ss\tword12',
      deviceConfig: { rtdbUrl: 'http://192.168.1.20:9000', app: { mode: 'local' } },
    };
    const text = renderSecretsHeader(secrets, ['written by a test']);
    expect(text).toContain('constexpr const char* kWifiSsid = "Lab \\"2.4\\" \\\\ caf\\303\\251";');
    expect(text).toContain(
      'constexpr const char* kDeviceConfigJson = R"json({\n  "rtdbUrl": "http://192.168.1.20:9000"',
    );
    expect(text.startsWith('// written by a test\n#pragma once\n')).toBe(true);
    expect(parseSecretsHeader(text)).toEqual(secrets);
  });

  it("reads an assignment's hand-written example (static const char* form)", () => {
    const text = [
      'static const char* kWifiSsid = "your-wifi";',
      'static const char* kWifiPassword = "your-password";',
      'static const char* kDeviceConfigJson = R"json({ "email": "device@example.com", "app": { "maxAttempts": 3 } })json";',
    ].join('\n');
    expect(parseSecretsHeader(text)).toEqual({
      wifiSsid: 'your-wifi',
      wifiPassword: 'your-password',
      deviceConfig: { email: 'device@example.com', app: { maxAttempts: 3 } },
    });
  });

  it('refuses a value that would end the raw string literal early', () => {
    const secrets = { wifiSsid: 'a', wifiPassword: 'b', deviceConfig: { label: 'x)json' } };
    expect(() => renderSecretsHeader(secrets, [])).toThrow(CliError);
  });

  it('names what is missing or malformed', () => {
    expect(() => parseSecretsHeader('constexpr const char* kWifiSsid = "a";', 'x.h')).toThrow(
      'x.h has no kDeviceConfigJson = R"json(…)json"',
    );
    expect(() =>
      parseSecretsHeader(
        'kWifiSsid = "a"; kWifiPassword = "b"; kDeviceConfigJson = R"json({oops)json";',
        'x.h',
      ),
    ).toThrow(/kDeviceConfigJson in x.h is not JSON/);
    expect(() =>
      parseSecretsHeader(
        'kWifiSsid = "a"; kWifiPassword = "b"; kDeviceConfigJson = R"json([1])json";',
        'x.h',
      ),
    ).toThrow('kDeviceConfigJson in x.h must be a JSON object');
  });
});
