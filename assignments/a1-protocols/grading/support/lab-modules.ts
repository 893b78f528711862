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
