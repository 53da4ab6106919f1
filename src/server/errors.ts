/**
 * @module server/errors
 * One JSON error shape for every failure: `{ "error": { "status", "code", "message", "issues"? } }`.
 * Bad input is a 4xx naming what was wrong; only a fault of ours is a 500.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { TruceError, type ErrorCode } from "../errors.js";

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { status: number; code: string; message: string; issues?: ErrorIssue[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, issues?: ErrorIssue[]) => new ApiError(400, "bad_request", message, issues);
export const notFound = (message: string) => new ApiError(404, "not_found", message);

const TRUCE_STATUS: Record<ErrorCode, [ContentfulStatusCode, string]> = {
  E_INPUT: [422, "unprocessable"],
  E_USAGE: [400, "bad_request"],
  E_NOT_FOUND: [404, "not_found"],
  E_DATA: [500, "server_data"],
  E_STORE: [503, "store_unavailable"],
  E_PARTIAL: [422, "unprocessable"],
};

/** Every thrown value as an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return badRequest(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "), issues);
  }
  if (err instanceof TruceError) {
    const [status, code] = TRUCE_STATUS[err.code];
    return new ApiError(status, code, err.message);
  }
  if (err instanceof HTTPException) return new ApiError(err.status as ContentfulStatusCode, err.status === 413 ? "payload_too_large" : "http_error", err.message || "request refused");
  if (err instanceof SyntaxError) return badRequest(`the body is not valid JSON: ${err.message}`);
  return new ApiError(500, "internal", "internal error; the server log has the details");
}

export function errorResponse(c: Context, err: unknown, log: (err: unknown) => void = defaultLog): Response {
  const api = toApiError(err);
  if (api.status >= 500) log(err);
  const body: ErrorBody = { error: { status: api.status, code: api.code, message: api.message, ...(api.issues && { issues: api.issues }) } };
  return c.json(body, api.status, api.headers);
}

function defaultLog(err: unknown): void {
  process.stderr.write(`truce serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
}
