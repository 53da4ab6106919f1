/**
 * @module extract/actors/trie
 * A word trie: phrases of lower-cased words with values, matched against tokens from one start
 * token, so that looking a token up costs the same whatever the size of the dictionary.
 */
import type { Token } from "./tokens.js";

export interface TrieHit<T> {
  /** Index of the last token of the phrase. */
  last: number;
  values: readonly T[];
}

interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
}

export class Trie<T> {
  private readonly root: Node<T> = { next: new Map(), values: [] };

  add(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(w, child);
      }
      node = child;
    }
    node.values.push(value);
  }

  /**
   * Every phrase that starts at token `i`, shortest first. A phrase never crosses a gap that
   * `joins` refuses; by default the tokenizer's rule ("U.S. forces" yes, "Kabul. Soldiers" no).
   */
  matchAt(tokens: readonly Token[], i: number, joins: (k: number) => boolean = (k) => tokens[k]!.joined): TrieHit<T>[] {
    const hits: TrieHit<T>[] = [];
    let node: Node<T> | undefined = this.root;
    for (let k = i; k < tokens.length; k++) {
      if (k > i && !joins(k)) break;
      node = node.next.get(tokens[k]!.lower);
      if (!node) break;
      if (node.values.length > 0) hits.push({ last: k, values: node.values });
    }
    return hits;
  }

  /** True if some phrase starts with this word: a cheap test before matchAt. */
  starts(word: string): boolean {
    return this.root.next.has(word);
  }
}
