/**
 * @module ingest/feed
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds (fast-xml-parser): each item's title, link, date, id
 * and content, the content's HTML turned into paragraphs of text.
 */
import { XMLParser } from "fast-xml-parser";
import { inputError } from "../errors.js";
import { toIsoDay } from "./dates.js";
import { fragmentToText } from "./html.js";

export interface FeedItem {
  /** The item's place in the feed, from 1, for messages. */
  index: number;
  id?: string;
  title?: string;
  url?: string;
  /** YYYY-MM-DD */
  published?: string;
  /** The publication: the item's <source>, else the feed's title. */
  source?: string;
  /** The item's content as the feed gave it (HTML). */
  raw?: string;
  /** Paragraphs of text; empty when the item carries none. */
  text: string;
}

export interface Feed {
  title?: string;
  items: FeedItem[];
}

/** True when the text looks like an RSS or Atom document. */
export function looksLikeFeed(text: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(text.slice(0, 2000));
}

/** Parses a feed; throws E_INPUT naming `name` when it is not one. */
export function parseFeed(xml: string, name: string): Feed {
  let doc: Record<string, unknown>;
  try {
    doc = PARSER.parse(xml) as Record<string, unknown>;
  } catch (err) {
    throw inputError(`${name}: not valid XML (${firstLine((err as Error).message)})`);
  }
  const rss = obj(doc.rss);
  if (rss) return rssFeed(obj(rss.channel) ?? {}, arr(obj(rss.channel)?.item));
  const rdf = obj(doc["rdf:RDF"]);
  if (rdf) return rssFeed(obj(rdf.channel) ?? {}, arr(rdf.item));
  const atom = obj(doc.feed);
  if (atom) return atomFeed(atom);
  throw inputError(`${name}: not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> element)`);
}

// --- internal ---

const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (tag) => tag === "item" || tag === "entry" || tag === "link",
  // Escaped HTML in item descriptions means thousands of &lt; &gt; per feed; the size limit on
  // the input, not an expansion count, is what bounds the work. DTD entity limits stay default.
  processEntities: { enabled: true, maxTotalExpansions: 10_000_000, maxExpandedLength: 100_000_000 },
});

type Obj = Record<string, unknown>;

function rssFeed(channel: Obj, items: unknown[]): Feed {
  const feedTitle = text(channel.title);
  return {
    ...(feedTitle && { title: feedTitle }),
    items: items.map((raw, i) => {
      const item = obj(raw) ?? {};
      const html = text(item["content:encoded"]) || text(item.description);
      return feedItem(i, {
        id: text(item.guid),
        title: text(item.title),
        url: text(arr(item.link)[0]),
        published: text(item.pubDate) || text(item["dc:date"]) || text(item["a10:updated"]),
        source: text(item.source) || feedTitle,
        html,
      });
    }),
  };
}

function atomFeed(feed: Obj): Feed {
  const feedTitle = text(feed.title);
  return {
    ...(feedTitle && { title: feedTitle }),
    items: arr(feed.entry).map((raw, i) => {
      const entry = obj(raw) ?? {};
      return feedItem(i, {
        id: text(entry.id),
        title: text(entry.title),
        url: atomLink(arr(entry.link)),
        published: text(entry.published) || text(entry.updated),
        source: text(obj(entry.source)?.title) || feedTitle,
        html: text(entry.content) || text(entry.summary),
      });
    }),
  };
}

function feedItem(i: number, f: { id: string; title: string; url: string; published: string; source: string | undefined; html: string }): FeedItem {
  const body = f.html ? fragmentToText(f.html) : "";
  const published = toIsoDay(f.published);
  // Atom titles may be type="html".
  const title = f.title.includes("<") ? fragmentToText(f.title) : f.title;
  return {
    index: i + 1,
    ...(f.id && { id: f.id }),
    ...(title && { title }),
    ...(f.url && { url: f.url }),
    ...(published && { published }),
    ...(f.source && { source: f.source }),
    ...(f.html && { raw: f.html }),
    // A headline-only item is still a report ("Car bomb kills 12 in Mogadishu"): its title is its text.
    text: body || title,
  };
}

/** rel="alternate" (or no rel) is the article; other links are enclosures, replies, the feed itself. */
function atomLink(links: unknown[]): string {
  const objs = links.map(obj).filter((l): l is Obj => l !== undefined);
  const alt = objs.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? objs[0];
  return typeof alt?.["@_href"] === "string" ? alt["@_href"] : text(links[0]);
}

/** The text of an element however the parser shaped it (string, {#text}, nested XHTML). */
function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(" ");
  if (typeof value === "object") {
    const o = value as Obj;
    if ("#text" in o && Object.keys(o).every((k) => k === "#text" || k.startsWith("@_"))) return text(o["#text"]);
    return Object.entries(o)
      .filter(([k]) => !k.startsWith("@_"))
      .map(([, v]) => text(v))
      .filter(Boolean)
      .join(" ");
  }
  return "";
}

function obj(value: unknown): Obj | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

function arr(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.slice(0, 200);
}
