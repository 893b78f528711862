/**
 * Virtual ESP32 devices: host builds of the course firmware (`firmware/`) run as processes that
 * talk HTTP to the local backend, take IR values and key presses as inputs, and report LCD,
 * servo, HTTP and log events. Tests, graders and the dashboard drive them through this package.
 *
 * @packageDocumentation
 */
export { DevicesError } from './core/devices-error.js';
export type { DevicesErrorCode } from './core/devices-error.js';
export type {
  BootEvent,
  DeviceEvent,
  DeviceInput,
  ExitEvent,
  HttpEvent,
  IrInput,
  KeyInput,
  QuitInput,
  LcdEvent,
  LogEvent,
  LogLevel,
  MarkEvent,
  MarkInput,
  ServoEvent,
} from './core/device-event.js';
export { LineSplitter, parseEventLine } from './core/event-line-parser.js';
export { Timeline, formatTimeline, describeEvent, collapseTimeline } from './core/timeline.js';
export type {
  CollapsedTimelineEntry,
  FormatTimelineOptions,
  TimelineEntry,
  TimelineInput,
} from './core/timeline.js';
export { parseScenario, matchesExpectation, describeExpectation, validateKeys } from './core/scenario.js';
export type {
  Expectation,
  ExitExpectation,
  ExpectStep,
  HttpExpectation,
  InputStep,
  IrStep,
  LcdExpectation,
  LogExpectation,
  PressStep,
  Scenario,
  ScenarioStep,
  ServoExpectation,
  StepTiming,
} from './core/scenario.js';
export { buildFirmware } from './build/build-firmware.js';
export { buildAppDevice } from './build/build-app-device.js';
export type {
  AppBuildLaunch,
  BuildAppDeviceOptions,
  WrappedAppBuildLaunch,
} from './build/build-app-device.js';
export { compilerDiagnostics } from './build/compiler-diagnostics.js';
export { DeviceSession } from './device/device-session.js';
export type { BuildFirmwareOptions, BuildFirmwareResult } from './build/build-firmware.js';
export { firmwareDir, deviceExecutable, integrationTestExecutable } from './build/firmware-paths.js';
export { startDevice } from './device/start-device.js';
export type {
  DeviceConfig,
  DeviceHandle,
  DeviceLaunch,
  WrappedDeviceLaunch,
  StartDeviceOptions,
  WaitForOptions,
} from './device/start-device.js';
export { runScenario, loadScenario, DEFAULT_EXPECT_TIMEOUT_MS } from './device/run-scenario.js';
export type { ScenarioResult } from './device/run-scenario.js';
