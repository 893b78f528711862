import { runHttpVersionsLab } from './http-versions-lab.js';
import type { LabResult } from './lab-report.js';
import { runLayersLab } from './layers-lab.js';
import { runMqttLab } from './mqtt-lab.js';
import { runPatternsLab } from './patterns-lab.js';
import { runRtdbLab } from './rtdb-lab.js';
import { runTokensLab } from './tokens-lab.js';

/** A lab `pnpm lab <name>` can run. */
export interface Lab {
  readonly name: string;
  run(): Promise<LabResult>;
}

/** Every lab, by name. */
export const LABS: readonly Lab[] = [
  { name: 'mqtt', run: () => runMqttLab() },
  { name: 'http-versions', run: () => runHttpVersionsLab() },
  { name: 'patterns', run: () => runPatternsLab() },
  { name: 'tokens', run: () => runTokensLab() },
  { name: 'layers', run: () => runLayersLab() },
  { name: 'rtdb', run: () => runRtdbLab() },
];
