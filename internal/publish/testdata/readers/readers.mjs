// Reads published feeds with the parsers of two JavaScript feed readers,
// rss-parser and @extractus/feed-extractor, and checks that each sees what
// a reader needs: the feed's title, every item (as many as the document
// has), and per item a title, an absolute link, a date it can parse and an
// id. Used by scripts/validate-feeds:
//
//   NODE_PATH=.cache/npm/node_modules node readers.mjs FILE.rss FILE.atom FILE.json...
//
// Prints one line per problem and exits 1 when there is any.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH || ".", "noop.js"));
const Parser = require("rss-parser");
const extractus = await import(path.join(process.env.NODE_PATH || ".", "@extractus/feed-extractor/src/main.js"));

const problems = [];
const problem = (file, reader, msg) => problems.push(`${file}: ${reader}: ${msg}`);
const absolute = (u) => typeof u === "string" && /^https?:\/\/[^\s]+$/.test(u);
const dated = (d) => typeof d === "string" && !Number.isNaN(Date.parse(d));

function checkItems(file, reader, want, items, fields) {
  if (items.length !== want) {
    problem(file, reader, `${items.length} items, the document has ${want}`);
  }
  items.forEach((it, i) => {
    const f = fields(it);
    if (!f.title) problem(file, reader, `item ${i}: no title`);
    if (!absolute(f.link)) problem(file, reader, `item ${i}: link ${JSON.stringify(f.link)} is not absolute`);
    if (!dated(f.date)) problem(file, reader, `item ${i}: date ${JSON.stringify(f.date)} does not parse`);
    if (!f.id) problem(file, reader, `item ${i}: no id`);
  });
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const ext = path.extname(file).slice(1);
  if (ext === "json") {
    const doc = JSON.parse(text);
    const feed = extractus.extractFromJson(doc, { normalization: true, useISODateFormat: true });
    if (!feed.title) problem(file, "feed-extractor", "no feed title");
    checkItems(file, "feed-extractor", doc.items.length, feed.entries || [], (e) => ({
      title: e.title, link: e.link, date: e.published, id: e.id,
    }));
    continue;
  }
  const want = (text.match(ext === "atom" ? /<entry>/g : /<item>/g) || []).length;
  try {
    const feed = await new Parser().parseString(text);
    if (!feed.title) problem(file, "rss-parser", "no feed title");
    checkItems(file, "rss-parser", want, feed.items, (it) => ({
      title: it.title, link: it.link, date: it.isoDate, id: it.guid || it.id,
    }));
  } catch (err) {
    problem(file, "rss-parser", `cannot parse: ${err.message}`);
  }
  // feed-extractor takes an Atom document for a feed only when it has an
  // entry (isAtom looks for feed.entry): an empty Atom feed, valid by RFC
  // 4287, is null to it. Nothing in the feed can change that.
  if (ext === "atom" && want === 0) continue;
  try {
    const feed = extractus.extractFromXml(text, { normalization: true, useISODateFormat: true });
    if (!feed.title) problem(file, "feed-extractor", "no feed title");
    checkItems(file, "feed-extractor", want, feed.entries || [], (e) => ({
      title: e.title, link: e.link, date: e.published, id: e.id,
    }));
  } catch (err) {
    problem(file, "feed-extractor", `cannot parse: ${err.message}`);
  }
}
for (const p of problems) console.log(p);
process.exit(problems.length ? 1 : 0);
