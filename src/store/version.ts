/**
 * @module store/version
 * Pipeline versions are compared part by part, numerically where both parts are numbers
 * ("0.10.0" is newer than "0.9.2"), so a re-extraction only ever moves forward.
 */

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "0";
    const y = pb[i] ?? "0";
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

// --- internal ---

function parts(v: string): string[] {
  return v.trim().replace(/^v/i, "").split(/[.+-]/);
}
