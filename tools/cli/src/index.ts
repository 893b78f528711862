/**
 * The `iotkit` command line (`pnpm iotkit <command>`): `start`, `doctor`, `setup`, and the
 * commands other parts of the kit register. Also the only place that reads the environment and
 * `firebase.json` to decide which backend the kit talks to ({@link resolveTarget}).
 *
 * @packageDocumentation
 */
export { runCli, overviewHelp } from './run-cli.js';
export type { Command, CommandArgs, CommandIo, CommandOption } from './command.js';
export { COMMANDS } from './commands/index.js';
export { CliError } from './cli-error.js';
export type { CliErrorCode } from './cli-error.js';
export { resolveTarget, TARGET_KINDS } from './target/resolve-target.js';
export type { ResolvedTarget, TargetKind, TargetInputs } from './target/resolve-target.js';
export { readFirebaseConfig } from './target/firebase-config.js';
export type { FirebaseConfig, EmulatorAddress } from './target/firebase-config.js';
export { TARGET_OPTION, targetFromArgs } from './target/target-option.js';
export { REQUIREMENTS, OS_PACKAGES, PNPM_VERSION, NODE_MINIMUM } from './os/requirements.js';
export type { Requirement, CheckResult } from './os/requirements.js';
export { hostProbe } from './os/system-probe.js';
export type { SystemProbe, ProbeRun } from './os/system-probe.js';
export { parseVersion, versionAtLeast } from './os/version.js';
export { findRepoRoot } from './repo-root.js';
export { readSecretsHeader, parseSecretsHeader, renderSecretsHeader } from './firmware/secrets-header.js';
export type { DeviceSecrets } from './firmware/secrets-header.js';
export { lanAddresses } from './os/lan-addresses.js';
export type { LanAddress } from './os/lan-addresses.js';
