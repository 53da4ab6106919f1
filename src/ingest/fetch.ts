/**
 * @module ingest/fetch
 * Fetches a feed over HTTP(S) with a time limit and a size limit, and says in one line what
 * went wrong when it fails (timeout, refused, not found, too large, not a feed).
 */
import { inputError } from "../errors.js";

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH: FetchOptions = { timeoutMs: 30_000, maxBytes: 10 * 1024 * 1024 };

/** The body of `url` as text; throws E_INPUT naming the URL and the problem. */
export async function fetchText(url: string, options: FetchOptions = DEFAULT_FETCH): Promise<string> {
  const parsed = checkUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const res = await fetch(parsed, {
      signal: controller.signal,
      redirect: "follow",
      headers: { "user-agent": "truce/0.1 (+https://github.com/truce)", accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5" },
    });
    if (!res.ok) throw inputError(`${url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`);
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (declared > options.maxBytes) throw tooLarge(url, options.maxBytes);
    const bytes = await readLimited(res, url, options.maxBytes);
    return decode(bytes, res.headers.get("content-type"));
  } catch (err) {
    if ((err as { code?: string }).code === "E_INPUT") throw err;
    if (controller.signal.aborted) throw inputError(`${url}: no complete answer within ${options.timeoutMs / 1000} s (raise --timeout)`);
    throw inputError(`${url}: ${networkReason(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

// --- internal ---

function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw inputError(`${url}: not a URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw inputError(`${url}: only http and https feeds can be fetched`);
  return parsed;
}

/** Reads the body, stopping as soon as it passes the limit (a server may lie or send no length). */
async function readLimited(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge(url: string, maxBytes: number) {
  return inputError(`${url}: larger than the limit of ${maxBytes} bytes (raise --max-bytes)`);
}

/** Charset from the Content-Type header, else the XML declaration, else UTF-8. */
function decode(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1] ?? /<\?xml[^>]*encoding=["']([\w-]+)/i.exec(head)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.message === "bad port") return "this port is blocked for fetching (the fetch standard forbids it)";
  switch (cause?.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "ECONNRESET":
      return "the connection was reset";
    case "CERT_HAS_EXPIRED":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      return `TLS certificate problem (${cause.code})`;
    default:
      return cause?.message ?? (err as Error).message ?? String(err);
  }
}
