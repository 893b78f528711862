// `pnpm --filter @iotkit/a1-protocols record-capture`: records the capture the `layers` lab falls
// back to where tcpdump may not run, with tcpdump on loopback, into labs/layers/loopback-http.pcap.
// grading/public/layers.test.ts and test/labs/layers-lab.test.ts expect that file's values as
// `tcpdump -r … -nn -S -v` prints them: a new recording means new expected values there.
import { writeFileSync } from 'node:fs';
import { captureLoopbackHttp } from './labs/loopback-capture.js';
import { SHIPPED_CAPTURE } from './labs/layers-lab.js';

try {
  const capture = await captureLoopbackHttp();
  writeFileSync(SHIPPED_CAPTURE, capture.pcap);
  process.stdout.write(
    `wrote labs/layers/loopback-http.pcap: ${capture.pcap.length} bytes, "${capture.requestLine}" to port ${capture.serverPort}\n`,
  );
} catch (error) {
  process.stderr.write(`record-capture failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
