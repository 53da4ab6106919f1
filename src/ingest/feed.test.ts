import { describe, expect, it } from "vitest";
import { looksLikeFeed, parseFeed } from "./feed.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Frontline Wire</title>
  <link>https://wire.example/</link>
  <item>
    <title>Drone strike hits fuel depot near Sumy</title>
    <link>https://wire.example/2024/06/12/sumy-depot</link>
    <guid isPermaLink="false">wire-8841</guid>
    <pubDate>Wed, 12 Jun 2024 23:40:00 +0300</pubDate>
    <description>Short teaser only.</description>
    <content:encoded><![CDATA[<p>A drone struck a fuel depot on the edge of Sumy overnight, starting a fire that burned for hours, the regional governor said on Thursday.</p><p>No casualties were reported.</p>]]></content:encoded>
  </item>
  <item>
    <title>Curfew extended in Juba after clashes</title>
    <link>https://wire.example/2024/06/11/juba-curfew</link>
    <dc:date>2024-06-11T08:00:00Z</dc:date>
    <description>&lt;p&gt;Authorities extended a night curfew in Juba by a week after clashes between rival units left &lt;b&gt;six&lt;/b&gt; soldiers dead.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Car bomb kills 12 in Mogadishu</title>
    <link>https://wire.example/2024/06/10/mogadishu</link>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Sahel Monitor</title>
  <id>urn:uuid:sahel-monitor</id>
  <entry>
    <title type="html">Gunmen raid village in &lt;i&gt;Tillaberi&lt;/i&gt;</title>
    <id>urn:uuid:entry-1</id>
    <link rel="self" href="https://sahel.example/api/entries/1"/>
    <link rel="alternate" type="text/html" href="https://sahel.example/news/tillaberi-raid"/>
    <published>2024-03-02T18:00:00+01:00</published>
    <updated>2024-03-03T09:00:00Z</updated>
    <content type="html">&lt;p&gt;Gunmen on motorbikes raided a village in the Tillaberi region on Saturday, killing 14 civilians, local sources said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Convoy ambushed near Menaka</title>
    <id>urn:uuid:entry-2</id>
    <link href="https://sahel.example/news/menaka"/>
    <updated>2024-03-01T07:30:00Z</updated>
    <summary>An army supply convoy was ambushed near Menaka on Friday; the toll was not known.</summary>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old Wire</title></channel>
  <item rdf:about="https://old.example/1"><title>Protest in Dhaka</title><link>https://old.example/1</link><dc:date>2009-02-25</dc:date>
  <description>Thousands marched in Dhaka on Wednesday to demand higher wages.</description></item>
</rdf:RDF>`;

describe("parseFeed", () => {
  it("RSS 2.0: content:encoded wins over the teaser, HTML becomes paragraphs, the date is the day as written", () => {
    const feed = parseFeed(RSS, "wire.xml");
    expect(feed.title).toBe("Frontline Wire");
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toMatchObject({
      index: 1,
      id: "wire-8841",
      title: "Drone strike hits fuel depot near Sumy",
      url: "https://wire.example/2024/06/12/sumy-depot",
      published: "2024-06-12",
      source: "Frontline Wire",
      text: "A drone struck a fuel depot on the edge of Sumy overnight, starting a fire that burned for hours, the regional governor said on Thursday.\n\nNo casualties were reported.",
    });
    expect(feed.items[0]!.raw).toContain("<p>A drone struck");
  });

  it("RSS 2.0: escaped HTML in a description, a Dublin Core date", () => {
    const item = parseFeed(RSS, "wire.xml").items[1]!;
    expect(item.published).toBe("2024-06-11");
    expect(item.text).toBe("Authorities extended a night curfew in Juba by a week after clashes between rival units left six soldiers dead.");
  });

  it("a headline-only item is read as its title", () => {
    expect(parseFeed(RSS, "wire.xml").items[2]).toMatchObject({ text: "Car bomb kills 12 in Mogadishu", url: "https://wire.example/2024/06/10/mogadishu" });
  });

  it("Atom: the alternate link, published before updated, html content and plain summary", () => {
    const feed = parseFeed(ATOM, "sahel.atom");
    expect(feed.title).toBe("Sahel Monitor");
    expect(feed.items[0]).toMatchObject({
      id: "urn:uuid:entry-1",
      title: "Gunmen raid village in Tillaberi",
      url: "https://sahel.example/news/tillaberi-raid",
      published: "2024-03-02",
      text: "Gunmen on motorbikes raided a village in the Tillaberi region on Saturday, killing 14 civilians, local sources said.",
    });
    expect(feed.items[1]).toMatchObject({ url: "https://sahel.example/news/menaka", published: "2024-03-01", text: "An army supply convoy was ambushed near Menaka on Friday; the toll was not known." });
  });

  it("RSS 1.0 (RDF)", () => {
    expect(parseFeed(RDF, "old.rdf").items).toEqual([
      expect.objectContaining({ title: "Protest in Dhaka", published: "2009-02-25", source: "Old Wire", text: "Thousands marched in Dhaka on Wednesday to demand higher wages." }),
    ]);
  });

  it("thousands of escaped entities are fine (no entity-expansion cap on ordinary feeds)", () => {
    const items = Array.from({ length: 400 }, (_, i) => `<item><title>Item ${i}</title><description>&lt;p&gt;Shelling hit &lt;b&gt;district ${i}&lt;/b&gt; &amp;amp; nearby villages.&lt;/p&gt;</description></item>`).join("");
    const feed = parseFeed(`<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`, "big.xml");
    expect(feed.items).toHaveLength(400);
    expect(feed.items[399]!.text).toBe("Shelling hit district 399 & nearby villages.");
  });

  it.each([
    ["an HTML page", "<html><body><p>Hello</p></body></html>", /page\.xml: not an RSS or Atom feed/],
    ["some other XML", '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', /not an RSS or Atom feed/],
  ])("refuses %s, naming the input", (_, xml, message) => {
    expect(() => parseFeed(xml, "page.xml")).toThrow(message);
  });

  it("looksLikeFeed", () => {
    expect(looksLikeFeed(RSS)).toBe(true);
    expect(looksLikeFeed(ATOM)).toBe(true);
    expect(looksLikeFeed(RDF)).toBe(true);
    expect(looksLikeFeed("<!doctype html><html><body>feed me</body></html>")).toBe(false);
  });
});
