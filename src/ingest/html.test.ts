import { describe, expect, it } from "vitest";
import { fragmentToText, htmlToArticle } from "./html.js";

const BODY = `
<p>Gunmen on motorcycles opened fire on a crowded market in the northern town of Baraki late on Tuesday, killing five people and wounding nine, local officials said.</p>
<p>The attack came hours after security forces raided a suspected hideout on the outskirts of the town. No group has claimed responsibility.</p>
<p>&ldquo;We heard shots and everyone ran,&rdquo; said a shopkeeper who gave only his first name, Karim.<br>He said the gunmen fled toward the hills.</p>`;

function page(head: string, extra = ""): string {
  return `<!doctype html><html><head>${head}</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<div class="share">Share on Facebook · Share on X</div>
<article><h1>Gunmen kill five in northern town</h1>${BODY}${extra}<script>window.ads = [];</script></article>
<aside><h3>Most read</h3><ul><li>Floods hit the capital</li><li>Election date set</li></ul></aside>
<footer>Copyright 2021 The Daily Courier. All rights reserved.</footer></body></html>`;
}

describe("htmlToArticle", () => {
  it("keeps the article's paragraphs and drops navigation, asides, scripts and footers", () => {
    const { text } = htmlToArticle(page("<title>Gunmen kill five</title>"), "page.html");
    expect(text.split("\n\n")).toEqual([
      "Gunmen on motorcycles opened fire on a crowded market in the northern town of Baraki late on Tuesday, killing five people and wounding nine, local officials said.",
      "The attack came hours after security forces raided a suspected hideout on the outskirts of the town. No group has claimed responsibility.",
      "\u201CWe heard shots and everyone ran,\u201D said a shopkeeper who gave only his first name, Karim.\nHe said the gunmen fled toward the hills.",
    ]);
    for (const clutter of ["Home", "Share on", "Most read", "Copyright", "window.ads"]) expect(text).not.toContain(clutter);
  });

  it.each([
    [
      "Open Graph and article:published_time",
      `<meta property="og:title" content="Gunmen kill five in northern town"><meta property="og:site_name" content="The Daily Courier">
       <meta property="article:published_time" content="2021-02-03T22:15:00+05:00"><link rel="canonical" href="https://courier.example/world/gunmen">`,
      { title: "Gunmen kill five in northern town", published: "2021-02-03", source: "The Daily Courier", url: "https://courier.example/world/gunmen" },
    ],
    [
      "schema.org JSON-LD in a @graph",
      `<title>Courier | World</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Courier"},
       {"@type":"NewsArticle","headline":"Five killed in market shooting","datePublished":"2021-02-04T06:00:00Z","publisher":{"@type":"Organization","name":"Courier Media"}}]}</script>`,
      { title: "Five killed in market shooting", published: "2021-02-04", source: "Courier Media" },
    ],
    ["a meta date and a <title>", `<title>Market attack</title><meta name="date" content="February 5, 2021">`, { title: "Market attack", published: "2021-02-05" }],
    ["Dublin Core", `<title>Market attack</title><meta name="DC.date.issued" content="2021-02-06">`, { title: "Market attack", published: "2021-02-06" }],
  ])("reads the metadata: %s", (_, head, expected) => {
    const article = htmlToArticle(page(head), "page.html");
    expect(article).toMatchObject(expected);
  });

  it("takes the date from a <time datetime> when the head has none", () => {
    const article = htmlToArticle(page("<title>Market attack</title>", '<p>Posted <time datetime="2021-02-07T10:00">7 Feb</time></p>'), "page.html");
    expect(article.published).toBe("2021-02-07");
  });

  it("leaves the date out when the page gives none (never guesses)", () => {
    expect(htmlToArticle(page("<title>Market attack</title>"), "page.html").published).toBeUndefined();
  });

  it("falls back to the body text of a page too short for Readability", () => {
    const { text } = htmlToArticle("<html><body><p>Two soldiers were killed in a roadside blast near Gardez on Friday.</p></body></html>", "short.html");
    expect(text).toBe("Two soldiers were killed in a roadside blast near Gardez on Friday.");
  });

  it("refuses a page without text, naming it", () => {
    expect(() => htmlToArticle("<html><head><title>x</title></head><body><script>1</script></body></html>", "empty.html")).toThrow(/^empty\.html: no article text found in the page$/);
  });
});

describe("fragmentToText", () => {
  it.each([
    ["<p>One &amp; two.</p><p>Three<br/>four</p>", "One & two.\n\nThree\nfour"],
    ["Plain text, no markup", "Plain text, no markup"],
    ["<div><b>KABUL</b> - Clashes   erupted</div>", "KABUL - Clashes erupted"],
    ["<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"],
  ])("%j", (html, text) => {
    expect(fragmentToText(html)).toBe(text);
  });
});
