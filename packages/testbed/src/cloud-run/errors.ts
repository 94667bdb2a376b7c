// Google's error model over HTTP: {"error": {"code", "message", "status"}}, the status being the google.rpc.Code
// name (https://cloud.google.com/apis/design/errors#http_mapping).

export const RPC_CODES = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type RpcStatus = keyof typeof RPC_CODES;

const HTTP: Record<RpcStatus, number> = {
  OK: 200,
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by a handler; the server answers with Google's error body. */
export class GoogleError extends Error {
  constructor(
    readonly status: RpcStatus,
    message: string,
  ) {
    super(message);
  }

  get reply(): Reply {
    return errorReply(this.status, this.message);
  }
}

export function errorReply(status: RpcStatus, message: string): Reply {
  return { status: HTTP[status], body: { error: { code: HTTP[status], message, status } } };
}

/** The google.rpc.Status of a failed operation (Operation.error): the numeric rpc code this time. */
export function rpcStatus(status: RpcStatus, message: string) {
  return { code: RPC_CODES[status], message };
}

/** Problems of an error body against Google's envelope. */
export function checkErrorBody(body: unknown, httpStatus: number): string[] {
  const e = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (!e || typeof e !== 'object') return ['error body lacks "error"'];
  const out: string[] = [];
  for (const key of Object.keys(e)) {
    if (!['code', 'message', 'status', 'details'].includes(key)) out.push(`unknown error field ${key}`);
  }
  if (e.code !== httpStatus) out.push(`error.code ${String(e.code)} is not the HTTP status ${httpStatus}`);
  if (typeof e.message !== 'string') out.push('error.message is not a string');
  if (!(typeof e.status === 'string' && e.status in HTTP))
    out.push(`error.status ${String(e.status)} is no rpc code`);
  return out;
}
