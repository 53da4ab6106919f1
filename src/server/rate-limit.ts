/**
 * @module server/rate-limit
 * A token bucket per writer: bursts are fine, a runaway script is slowed down with 429 and
 * Retry-After. In memory: one process, one budget.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./auth.js";
import { ApiError } from "./errors.js";

export interface RateLimitOptions {
  /** Sustained writes per minute per user. @default 120 */
  perMinute?: number;
  /** Writes allowed at once before the rate applies. @default min(30, perMinute) */
  burst?: number;
}

export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const perMinute = options.perMinute ?? 120;
  const burst = options.burst ?? Math.min(30, perMinute);
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async function rateLimit(c, next) {
    const key = c.get("user")?.name ?? "anonymous";
    const now = Date.now();
    const b = buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 60_000) * perMinute);
    b.at = now;
    if (b.tokens < 1) {
      const wait = Math.ceil(((1 - b.tokens) * 60) / perMinute);
      buckets.set(key, b);
      throw new ApiError(429, "rate_limited", `too many writes: at most ${perMinute} a minute; try again in ${wait} s`, undefined, { "Retry-After": String(wait) });
    }
    b.tokens -= 1;
    buckets.set(key, b);
    await next();
  };
}
