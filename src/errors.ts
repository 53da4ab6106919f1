/**
 * @module errors
 * "Not found" is a value; failure is a typed error with a code. The CLI (`cli/main.ts`) and the
 * HTTP server are the only places that turn these into exit codes or responses.
 */
export type ErrorCode =
  | "E_INPUT" // the input is unusable: empty, binary, too large, malformed
  | "E_USAGE" // wrong command-line use
  | "E_NOT_FOUND"
  | "E_DATA" // a shipped or user data file is invalid
  | "E_STORE"
  | "E_PARTIAL"; // a batch finished, but some items failed (each was reported)

export class TruceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TruceError";
  }
}

export function inputError(message: string): TruceError {
  return new TruceError("E_INPUT", message);
}
