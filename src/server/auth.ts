/**
 * @module server/auth
 * Bearer tokens: 256 random bits shown once; the store keeps only their SHA-256. Write routes
 * need an analyst or admin token; read routes need one only when the server is closed.
 */
import { createHash, randomBytes } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { ApiUser, Store } from "../store/store.js";
import { ApiError } from "./errors.js";

export type AppEnv = { Variables: { user: ApiUser | null } };

const TOKEN_PREFIX = "truce_";
/** Seconds a looked-up token is trusted before asking the store again (a revocation takes at most this long). */
const CACHE_SECONDS = 30;

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface Authenticator {
  user(header: string | undefined): Promise<ApiUser | null>;
}

export function authenticator(store: Store): Authenticator {
  const cache = new Map<string, { user: ApiUser | null; until: number }>();
  return {
    async user(header) {
      const token = bearer(header);
      if (!token) return null;
      const hash = hashToken(token);
      const hit = cache.get(hash);
      if (hit && hit.until > Date.now()) return hit.user;
      const user = await store.userByTokenHash(hash);
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, { user, until: Date.now() + CACHE_SECONDS * 1000 });
      return user;
    },
  };
}

/** Sets `user` (null when no token was given); refuses a token that is given but unknown. */
export function identify(auth: Authenticator): MiddlewareHandler<AppEnv> {
  return async function identify(c, next) {
    const header = c.req.header("authorization");
    const user = await auth.user(header);
    if (header && !user) throw unauthorized("the bearer token is unknown or revoked");
    c.set("user", user);
    await next();
  };
}

export function requireUser(why: string): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    if (!c.get("user")) throw unauthorized(`${why} needs a token: send "Authorization: Bearer <token>" (create one with: truce users add NAME --role analyst)`);
    await next();
  };
}

// --- internal ---

function bearer(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1]! : null;
}

function unauthorized(message: string): ApiError {
  return new ApiError(401, "unauthorized", message, undefined, { "WWW-Authenticate": 'Bearer realm="truce"' });
}
