/**
 * @module extract/attribution/quotes
 * Quoted passages of the article. Straight quotes open and close in turn (the text is folded,
 * so typographic quotes are straight too); a paragraph break ends an open quote, since wire
 * copy reopens a quote that runs on into the next paragraph without closing it.
 */

export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  /** The quoted words, without the marks and a trailing comma. */
  start: number;
  end: number;
}

export function findQuotes(norm: string): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i];
    if (c === "\n" && open >= 0 && /^\n\s*\n/.test(norm.slice(i, i + 4))) open = -1;
    if (c !== '"') continue;
    if (open < 0) {
      open = i;
      continue;
    }
    const q = inner(norm, open, i);
    if (q) out.push(q);
    open = -1;
  }
  return out;
}

// --- internal ---

function inner(norm: string, open: number, closeMark: number): Quote | undefined {
  let start = open + 1;
  let end = closeMark;
  while (start < end && /\s/.test(norm[start]!)) start++;
  while (end > start && /[\s,]/.test(norm[end - 1]!)) end--;
  return end > start ? { open, close: closeMark + 1, start, end } : undefined;
}
