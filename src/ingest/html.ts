/**
 * @module ingest/html
 * A news page in, the article out: main text by Mozilla's Readability (the Firefox reader view)
 * on a linkedom DOM, with paragraphs kept as blank-line-separated blocks; title, publication
 * date, site and canonical URL from the page's metadata (Open Graph, article:*, Dublin Core,
 * schema.org JSON-LD, <time>) when present.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { inputError } from "../errors.js";
import { toIsoDay } from "./dates.js";

export interface PageArticle {
  text: string;
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  source?: string;
  url?: string;
}

/** Below this, Readability found a teaser, not the article: fall back to the page body. */
const MIN_READABLE = 250;

/** Main text and metadata of a page; throws E_INPUT naming `name` when there is no text. */
export function htmlToArticle(html: string, name: string): PageArticle {
  const original = parse(html);
  const meta = pageMetadata(original);
  const headlines = new Set(Array.from(original.querySelectorAll("h1")).map((h) => clean(h.textContent)).filter((t): t is string => t !== undefined));
  // Readability rewrites the document it reads, so it gets its own copy.
  const doc = parse(html);
  let text = "";
  let readabilityTitle: string | undefined;
  try {
    const article = new Readability<DomNode>(doc as never, { serializer: (node: unknown) => node as DomNode }).parse();
    if (article?.content) {
      // The headline is metadata, not report: left in, it would be read as one more sentence.
      readabilityTitle = removeHeadlines(article.content as unknown as Doc, headlines);
      text = nodeText(article.content);
    }
    readabilityTitle = clean(article?.title) ?? readabilityTitle;
    meta.published ??= toIsoDay(article?.publishedTime);
    meta.source ??= clean(article?.siteName);
  } catch {
    // Readability gives up on odd pages: the body fallback below handles them.
  }
  if (text.length < MIN_READABLE) {
    const body = bodyText(parse(html));
    if (body.length > text.length) text = body;
  }
  if (text.trim() === "") throw inputError(`${name}: no article text found in the page`);
  return { text, ...defined({ title: meta.title ?? readabilityTitle, published: meta.published, source: meta.source, url: meta.url }) };
}

/** Text of an HTML fragment (a feed item's content), paragraphs separated by blank lines. */
export function fragmentToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeText(document.body as unknown as DomNode);
}

// --- internal ---

/** The slice of the DOM this module reads (linkedom's nodes have it). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

interface Doc {
  querySelector(sel: string): (DomNode & { getAttribute(name: string): string | null }) | null;
  querySelectorAll(sel: string): ArrayLike<DomNode & { getAttribute(name: string): string | null; remove(): void }>;
  body: DomNode | null;
}

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "CANVAS", "BUTTON", "SELECT", "FORM"]);
const BLOCK = new Set([
  "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV", "H1", "H2", "H3", "H4", "H5", "H6",
  "UL", "OL", "LI", "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "TABLE", "THEAD", "TBODY", "TR", "TD", "TH", "FIGURE",
  "FIGCAPTION", "HR", "ADDRESS", "DETAILS", "SUMMARY",
]);

function parse(html: string): Doc {
  return parseHTML(html).document as unknown as Doc;
}

/** Block elements become paragraphs, <br> a line break, whitespace inside a paragraph one space. */
function nodeText(root: DomNode): string {
  const blocks: string[] = [];
  let line = "";
  const flush = () => {
    const paragraph = line
      .split("\n")
      .map((l) => l.replace(/[ \t\f\v\r\u00a0]+/g, " ").trim())
      .filter((l) => l !== "")
      .join("\n");
    if (paragraph !== "") blocks.push(paragraph);
    line = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += (node.textContent ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === "BR") {
      line += "\n";
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks.join("\n\n");
}

/** Removes the page's <h1> headlines (Readability turns them into <h2>); returns the first one's text. */
function removeHeadlines(root: Doc, headlines: Set<string>): string | undefined {
  let first: string | undefined;
  for (const h of Array.from(root.querySelectorAll("h1, h2"))) {
    const t = clean(h.textContent);
    if (t !== undefined && headlines.has(t)) {
      first ??= t;
      h.remove();
    }
  }
  return first;
}

function bodyText(doc: Doc): string {
  for (const el of Array.from(doc.querySelectorAll("nav, header, footer, aside, script, style, noscript, form, h1, [role=navigation], [aria-hidden=true]"))) el.remove();
  return doc.body ? nodeText(doc.body) : "";
}

interface Meta {
  title?: string;
  published?: string;
  source?: string;
  url?: string;
}

function pageMetadata(doc: Doc): Meta {
  const content = (selector: string) => clean(doc.querySelector(selector)?.getAttribute("content"));
  const ld = jsonLd(doc);
  const published =
    toIsoDay(content('meta[property="article:published_time"]')) ??
    toIsoDay(content('meta[property="og:published_time"]')) ??
    toIsoDay(content('meta[itemprop="datePublished"]')) ??
    toIsoDay(ld.datePublished) ??
    toIsoDay(content('meta[name="pubdate"]')) ??
    toIsoDay(content('meta[name="publishdate"]')) ??
    toIsoDay(content('meta[name="publish-date"]')) ??
    toIsoDay(content('meta[name="date"]')) ??
    toIsoDay(content('meta[name="DC.date.issued"]')) ??
    toIsoDay(content('meta[name="dcterms.created"]')) ??
    toIsoDay(content('meta[name="parsely-pub-date"]')) ??
    toIsoDay(content('meta[name="sailthru.date"]')) ??
    toIsoDay(doc.querySelector("time[datetime]")?.getAttribute("datetime"));
  return defined({
    title: content('meta[property="og:title"]') ?? content('meta[name="twitter:title"]') ?? clean(ld.headline) ?? clean(doc.querySelector("title")?.textContent),
    published,
    source: content('meta[property="og:site_name"]') ?? clean(ld.publisher) ?? content('meta[name="application-name"]'),
    url: clean(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")) ?? content('meta[property="og:url"]'),
  });
}

/** The first schema.org article-like object in the page's JSON-LD. */
function jsonLd(doc: Doc): { headline?: string; datePublished?: string; publisher?: string } {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const found = flatten(data).find((o) => typeof o.datePublished === "string" || typeof o.headline === "string");
    if (found) {
      const publisher = found.publisher as { name?: unknown } | undefined;
      return defined({
        headline: typeof found.headline === "string" ? found.headline : undefined,
        datePublished: typeof found.datePublished === "string" ? found.datePublished : undefined,
        publisher: typeof publisher?.name === "string" ? publisher.name : undefined,
      });
    }
  }
  return {};
}

function flatten(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (!data || typeof data !== "object") return [];
  const obj = data as Record<string, unknown>;
  return [obj, ...(Array.isArray(obj["@graph"]) ? flatten(obj["@graph"]) : [])];
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, " ").trim();
  return v ? v : undefined;
}

function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
