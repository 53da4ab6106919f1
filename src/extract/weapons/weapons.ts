/**
 * @module extract/weapons/weapons
 * Weapon mentions with canonical names ("rocket fire" -> "rockets", "Kalashnikov" -> "AK-47"),
 * from data/weapons.json. Event assembly gives an event the weapons named in its sentences.
 */
import { z } from "zod";
import type { WeaponMention } from "../annotations.js";
import { spanOf, type Document } from "../document.js";
import { TruceError } from "../../errors.js";
import { defineStage } from "../stage.js";
import { compilePhrase, lowerOf, matchPhrases, phraseSource, readDataFile, sentenceAt, sentencesOf, type Phrase, type SentenceRange } from "../triggers/scan.js";

export const weaponsStage = defineStage({
  key: "weapons",
  needs: ["text"],
  run: (doc, found): WeaponMention[] => findWeapons(doc, sentencesOf(doc, found), weaponLexicon()),
});

export interface WeaponEntry extends Phrase {
  /** Canonical name; undefined for entries that only block others ("think tank"). */
  name?: string;
}

/** Every weapon mention of the document, in text order. */
export function findWeapons(doc: Document, sentences: readonly SentenceRange[], lexicon: readonly WeaponEntry[]): WeaponMention[] {
  const out: WeaponMention[] = [];
  for (const hit of matchPhrases(lowerOf(doc), lexicon)) {
    const sentence = sentenceAt(sentences, hit.start);
    if (!hit.entry.name || !sentence || hit.end > sentence.end) continue;
    out.push({ span: spanOf(doc, hit.start, hit.end), by: "weapons/lexicon", name: hit.entry.name, sentence: sentence.index });
  }
  return out;
}

const FileSchema = z.object({
  entries: z.array(z.object({ name: z.string().optional(), phrase: z.string() })),
});

/** Compiles a weapons file; the shipped one when no content is given. */
export function compileWeapons(raw: unknown = readDataFile("weapons.json")): WeaponEntry[] {
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) throw new TruceError("E_DATA", `data/weapons.json: ${parsed.error.message}`);
  return parsed.data.entries.map((e) => ({ ...compilePhrase(phraseSource(e.phrase, {})), name: e.name }));
}

let shipped: WeaponEntry[] | undefined;

export function weaponLexicon(): readonly WeaponEntry[] {
  shipped ??= compileWeapons();
  return shipped;
}
