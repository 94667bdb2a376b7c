// Google's published API description of what the Cloud Run stand-in serves (fixtures/cloud-run/google-api.json,
// made from the protos Google's npm client packages ship), compiled to routes (google-api-description.ts) and
// to a checker of JSON bodies (google-api-check.ts) and query strings (google-api-query.ts) under the proto3
// JSON mapping (https://protobuf.dev/programming-guides/json/).
import { checkValue } from './google-api-check';
import { fieldType, loadDescription, route, type MethodDesc } from './google-api-description';
import { bindQuery } from './google-api-query';

export type { FieldDesc, MethodDesc } from './google-api-description';

export interface GoogleApi {
  source: string;
  methods: MethodDesc[];
  /** The method and its path variables, or undefined when nothing is served there. */
  route(method: string, path: string): { desc: MethodDesc; vars: Record<string, string> } | undefined;
  /** Problems of a JSON value as the given message type; `response` is the stricter form Google writes. */
  check(type: string, value: unknown, at: string, mode: 'request' | 'response'): string[];
  /** Binds query parameters onto a request message, as Google's HTTP transcoding does; problems listed. */
  bindQuery(type: string, query: URLSearchParams, into: Record<string, unknown>): string[];
  /** The type a dotted field path of a message leads to, e.g. `service` of UpdateServiceRequest. */
  fieldType(type: string, dotted: string): string;
}

// Read and compiled once per process; every stand-in shares it.
let loaded: GoogleApi | undefined;

export function googleApi(): GoogleApi {
  if (loaded) return loaded;
  const { source, methods, types } = loadDescription(
    new URL('../../fixtures/cloud-run/google-api.json', import.meta.url),
  );
  loaded = {
    source,
    methods,
    route: (method, path) => route(methods, method, path),
    check: (type, value, at, mode) => checkValue(types, type, value, at, mode),
    bindQuery: (type, query, into) => bindQuery(types, type, query, into),
    fieldType: (type, dotted) => fieldType(types, type, dotted),
  };
  return loaded;
}
