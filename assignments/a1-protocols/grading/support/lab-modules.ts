// The exports the graded tests expect from each lab module, written out here because a graded
// test never imports submission code, not even for its types.

/** `labs/mqtt/topic-match.ts`. */
export interface TopicMatch {
  topicMatches(filter: string, topic: string): boolean;
  isValidFilter(filter: string): boolean;
}

/** `labs/tokens/jwt-claims.ts`. */
export interface JwtClaims {
  decodeJwt(token: string): {
    header: Record<string, unknown>;
    payload: Record<string, unknown>;
    signature: string;
  };
  validateIdTokenClaims(
    payload: Record<string, unknown>,
    check: { projectId: string; nowSeconds: number },
  ): string[];
}

/** `labs/http-versions/http-response.ts`. */
export interface HttpResponseModule {
  parseHttpResponse(
    raw: string,
    closed?: boolean,
  ): {
    version: string;
    status: number;
    reason: string;
    headers: Record<string, string>;
    body: string;
    length: number;
  } | null;
}

/** `labs/patterns/sse-parser.ts`. */
export interface SseModule {
  parseSse(text: string): { event: string; data: string; id: string }[];
}

/** `labs/layers/pcap-file.ts`. */
export interface PcapModule {
  parsePcap(bytes: Uint8Array): {
    version: string;
    littleEndian: boolean;
    nanoseconds: boolean;
    snapLength: number;
    linkType: number;
    packets: {
      seconds: number;
      fraction: number;
      capturedLength: number;
      originalLength: number;
      frame: Uint8Array;
    }[];
  };
}

/** `labs/layers/frame-layers.ts`. */
export interface FrameModule {
  decodeFrame(
    linkType: number,
    frame: Uint8Array,
  ): {
    link: { kind: string; headerLength: number; source?: string; destination?: string; protocol: number };
    ip: {
      version: number;
      headerLength: number;
      totalLength: number;
      identification: number;
      ttl: number;
      protocol: number;
      source: string;
      destination: string;
    } | null;
    tcp: {
      sourcePort: number;
      destinationPort: number;
      sequence: number;
      acknowledgment: number;
      headerLength: number;
      flags: string[];
      window: number;
    } | null;
    payload: Uint8Array;
  };
}
