/**
 * Starts the kit's local backend for tests, graders and `iotkit start`: the official Firebase
 * Auth emulator (from `firebase-tools`) and the kit's RTDB server, on fixed or free ports.
 *
 * @packageDocumentation
 */
export { startAuthEmulator } from './auth-emulator.js';
export type { AuthEmulatorOptions, RunningAuthEmulator } from './auth-emulator.js';
export { startLocalBackend } from './local-backend.js';
export type { LocalBackendOptions, LocalBackendEnv, RunningLocalBackend } from './local-backend.js';
export { backendGlobalSetup } from './vitest-global-setup.js';
export type { ProvidedBackend, GlobalSetupContext } from './vitest-global-setup.js';
export { findFreePort, isPortFree } from './free-port.js';
export { startMqttBroker } from './mqtt-broker.js';
export type { MqttBrokerOptions, RunningMqttBroker } from './mqtt-broker.js';
export { BackendError } from './backend-error.js';
export type { BackendErrorCode } from './backend-error.js';
export type { AssignmentDemoOptions, RunningAssignmentDemo, StartAssignmentDemo } from './assignment-demo.js';
