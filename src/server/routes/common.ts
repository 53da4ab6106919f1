/**
 * @module server/routes/common
 * Pieces every write route uses.
 */
import type { Context } from "hono";
import type { AppEnv } from "../auth.js";
import { ApiError, badRequest } from "../errors.js";

/** The body as JSON; a wrong content type is 415, broken JSON is 400. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, "unsupported_media_type", `send the body as application/json (got "${type || "no content type"}")`);
  const raw = await c.req.text();
  if (raw.trim() === "") throw badRequest("the body is empty; expected a JSON object");
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw badRequest(`the body is not valid JSON: ${(err as Error).message}`);
  }
}
