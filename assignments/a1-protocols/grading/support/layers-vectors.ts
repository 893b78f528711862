// What the `layers` vectors compare: pcap files and decoded frames with their bytes shown as
// text, so a mismatch reads well in feedback.
import type { FrameModule, PcapModule } from './lab-modules.js';
import { hex } from './pcap-builder.js';

type Pcap = ReturnType<PcapModule['parsePcap']>;
type Frame = ReturnType<FrameModule['decodeFrame']>;

/** The parsed file with each frame as hex. */
export function pcapShown(file: Pcap): unknown {
  return { ...file, packets: file.packets.map((p) => ({ ...p, frame: hex(p.frame) })) };
}

/** The decoded frame with the payload as text. */
export function frameShown(frame: Frame): unknown {
  return { ...frame, payload: Buffer.from(frame.payload).toString('latin1') };
}
