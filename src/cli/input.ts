/**
 * @module cli/input
 * Reads the articles a user hands the CLI, and refuses what cannot be an article with a message
 * that names the input and the problem.
 */
import { readFileSync, statSync } from "node:fs";
import { inputError } from "../errors.js";

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Reads a UTF-8 text file (or "-" for stdin), checking existence, size, emptiness and binary content. */
export function readTextInput(path: string, maxBytes = DEFAULT_MAX_BYTES): string {
  const name = path === "-" ? "stdin" : path;
  const bytes = path === "-" ? readStdin() : readFileBytes(path, maxBytes);
  if (bytes.length > maxBytes) throw inputError(`${name}: too large (${bytes.length} bytes; the limit is ${maxBytes}, raise it with --max-bytes)`);
  return decodeText(bytes, name);
}

/** Decodes bytes as UTF-8 text, refusing empty and binary input. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw inputError(`${name}: empty input, nothing to extract`);
  if (looksBinary(bytes)) throw inputError(`${name}: binary data, not text (expected a UTF-8 news article)`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Latin-1 is the usual culprit for old wire copy; every byte is a valid Latin-1 character.
    text = new TextDecoder("latin1").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) throw inputError(`${name}: only whitespace, nothing to extract`);
  return text;
}

export function parseMaxBytes(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_MAX_BYTES;
  const m = /^(\d+)\s*([kKmMgG]?)[bB]?$/.exec(value.trim());
  if (!m) throw inputError(`--max-bytes "${value}": expected a number of bytes such as 5000000 or 5M`);
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Number(m[1]) * unit;
}

// --- internal ---

function readFileBytes(path: string, maxBytes: number): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw inputError(`${path}: is a folder, not a file`);
    size = st.size;
  } catch (err) {
    if ((err as { code?: string }).code === "E_INPUT") throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw inputError(`${path}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : "cannot be read"}`);
  }
  if (size > maxBytes) throw inputError(`${path}: too large (${size} bytes; the limit is ${maxBytes}, raise it with --max-bytes)`);
  return readFileSync(path);
}

function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EAGAIN" || code === "EOF") return new Uint8Array();
    throw inputError(`stdin: cannot be read (${code ?? "unknown error"})`);
  }
}

/** NUL bytes, or many control characters, mean this is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control / n > 0.1;
}
