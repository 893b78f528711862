/** Where the Auth REST calls go. Build one with {@link emulatorEndpoints} or {@link productionEndpoints}. */
export interface AuthEndpoints {
  /** Base of the Identity Toolkit API, up to and including `/v1`. */
  readonly identityToolkitUrl: string;
  /** Base of the Secure Token API, up to and including `/v1`. */
  readonly secureTokenUrl: string;
  /** Web API key sent as `?key=`; the emulator accepts any non-empty value. */
  readonly apiKey: string;
}

/** The API key used against the emulator when none is given; the emulator only checks that one is present. */
export const EMULATOR_API_KEY = 'fake-api-key';

/**
 * Endpoints of the official Auth emulator.
 *
 * The emulator serves both APIs on one port, each under the Google host name as a path prefix.
 *
 * @param url - the emulator's base URL, e.g. `http://127.0.0.1:9099` (a trailing slash is fine)
 * @param apiKey - any non-empty string; defaults to {@link EMULATOR_API_KEY}
 * @returns the endpoints
 */
export function emulatorEndpoints(url: string, apiKey: string = EMULATOR_API_KEY): AuthEndpoints {
  const base = url.replace(/\/+$/, '');
  return {
    identityToolkitUrl: `${base}/identitytoolkit.googleapis.com/v1`,
    secureTokenUrl: `${base}/securetoken.googleapis.com/v1`,
    apiKey,
  };
}

/**
 * Endpoints of Google's real Firebase Auth.
 *
 * @param apiKey - the project's Web API key (Firebase console → Project settings)
 * @returns the endpoints
 */
export function productionEndpoints(apiKey: string): AuthEndpoints {
  return {
    identityToolkitUrl: 'https://identitytoolkit.googleapis.com/v1',
    secureTokenUrl: 'https://securetoken.googleapis.com/v1',
    apiKey,
  };
}
