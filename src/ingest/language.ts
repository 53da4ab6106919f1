/**
 * @module ingest/language
 * Which language an article is in (franc-min, trigram statistics). Only English is extracted
 * today; other articles are stored and flagged, so a later pipeline can take them up.
 */
import { francAll } from "franc-min";

export interface Language {
  /** ISO 639-1 where one exists ("en", "fr"), else ISO 639-3; "und" when undetermined. */
  code: string;
  /** English name ("French"), for messages. */
  name: string;
  english: boolean;
}

/** Below this many letters trigram statistics are unreliable: such texts are taken as English. */
const MIN_LETTERS = 80;
/** English within this ratio of the best score counts as English (wire copy full of names can tip franc). */
const ENGLISH_MARGIN = 0.92;
/**
 * Share of words that are English function words above which a text is English whatever the
 * trigrams say: reports heavy with place and person names ("Kunduz, Helmand, Nangarhar…") can
 * tip franc toward another language, but no other language writes "the … of … said".
 */
const ENGLISH_WORDS = 0.05;
const FUNCTION_WORDS = new Set(["the", "and", "of", "to", "said", "was", "were", "with", "that", "from", "has", "have", "been", "which", "by", "would", "after"]);
/** Enough text to decide, without paying for a whole long article. */
const SAMPLE = 2000;

// franc-min's ISO 639-3 codes with an ISO 639-1 equivalent (the rest keep their 639-3 code).
const ISO1: Record<string, string> = {
  eng: "en", fra: "fr", spa: "es", por: "pt", deu: "de", ita: "it", nld: "nl", rus: "ru", ukr: "uk", pol: "pl",
  ron: "ro", hun: "hu", ces: "cs", swe: "sv", tur: "tr", arb: "ar", pes: "fa", urd: "ur", hin: "hi", ben: "bn",
  cmn: "zh", jpn: "ja", kor: "ko", ind: "id", zlm: "ms", vie: "vi", tha: "th", swh: "sw", som: "so", hau: "ha",
  amh: "am", yor: "yo", ibo: "ig", zul: "zu", xho: "xh", tam: "ta", tel: "te", mar: "mr", guj: "gu", kan: "kn",
  mal: "ml", pan: "pa", nep: "ne", sin: "si", mya: "my", khm: "km", uzn: "uz", kaz: "kk", azj: "az", ell: "el",
  bul: "bg", srp: "sr", hrv: "hr", slk: "sk", ckb: "ckb", uig: "ug", tgl: "tl", ceb: "ceb", mad: "mad", sun: "su",
  jav: "jv", aka: "ak", kin: "rw", run: "rn", nya: "ny", sna: "sn", plt: "mg", ful: "ff", bho: "bh", mai: "mai",
  ilo: "ilo", hat: "ht", qug: "qu", orm: "om", tir: "ti", heb: "he", bel: "be", fin: "fi", dan: "da", nob: "nb",
};

const NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return ENGLISH;
  // The function-word test settles almost every English report at a fraction of franc's cost.
  if (englishWordShare(sample) >= ENGLISH_WORDS) return ENGLISH;
  const ranked = francAll(sample);
  const [top, topScore] = ranked[0] ?? ["und", 0];
  if (top === "und") return ENGLISH;
  const english = ranked.find(([code]) => code === "eng");
  if (top === "eng" || (english && english[1] >= topScore * ENGLISH_MARGIN)) return ENGLISH;
  const code = ISO1[top] ?? top;
  return { code, name: nameOf(code), english: false };
}

// --- internal ---

const ENGLISH: Language = { code: "en", name: "English", english: true };

function englishWordShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length;
}

function nameOf(code: string): string {
  try {
    return NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
