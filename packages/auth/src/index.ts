/**
 * Firebase Auth over REST, as the ESP32 firmware speaks it: sign up, sign in with email and
 * password or a custom token, look up and delete an account, and renew ID tokens with a refresh
 * token. Works against the official Auth emulator and Google's real endpoints alike; callers
 * pass the endpoints, nothing is read from the environment.
 *
 * Also the kit's teaching aid for tokens: {@link describeToken} explains an ID token, a custom
 * token or an OAuth access token.
 *
 * @packageDocumentation
 */
export { AuthClient } from './rest/auth-client.js';
export type { AuthClientOptions, AuthSession, AuthUser, EmailPassword } from './rest/auth-client.js';
export type { FetchFunction } from './rest/auth-request.js';
export { TokenSource, DEFAULT_REFRESH_MARGIN_MS } from './api/token-source.js';
export type { TokenSourceOptions } from './api/token-source.js';
export { emulatorEndpoints, productionEndpoints, EMULATOR_API_KEY } from './core/endpoints.js';
export type { AuthEndpoints } from './core/endpoints.js';
export { decodeToken } from './core/decode-token.js';
export type { DecodedToken } from './core/decode-token.js';
export { describeToken } from './core/describe-token.js';
export type { TokenDescription, TokenKind } from './core/describe-token.js';
export { AuthError } from './core/auth-error.js';
export type { AuthErrorCode, AuthErrorDetails } from './core/auth-error.js';
export { authErrorFromResponse } from './core/firebase-error.js';
