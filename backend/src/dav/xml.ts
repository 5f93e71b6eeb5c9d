// WebDAV XML in and out with fast-xml-parser: requests become namespace-resolved element trees (the parser keeps
// prefixes; this file resolves them), answers are built as objects and written by its XMLBuilder (which escapes).
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

export const NS = {
  dav: "DAV:",
  caldav: "urn:ietf:params:xml:ns:caldav",
  cs: "http://calendarserver.org/ns/",
  ical: "http://apple.com/ns/ical/",
} as const;

const PREFIX: Record<string, string> = { [NS.dav]: "d", [NS.caldav]: "c", [NS.cs]: "cs", [NS.ical]: "x" };

export interface XmlElement {
  ns: string;
  name: string;
  /** Attributes other than namespace declarations, by local name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A request body that is not well-formed XML, or uses what we refuse (DTDs): the route answers 400. */
export class BadXmlError extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  processEntities: true,
  parseTagValue: false,
  trimValues: false,
});

type Raw = Record<string, unknown>;

function convert(items: Raw[], scope: Map<string, string>): XmlElement[] {
  const out: XmlElement[] = [];
  for (const item of items) {
    const key = Object.keys(item).find((k) => k !== ":@");
    if (!key || key === "#text" || key.startsWith("?")) continue;
    const attrs = (item[":@"] ?? {}) as Record<string, string>;
    const inner = new Map(scope);
    const plain: Record<string, string> = {};
    for (const [attr, value] of Object.entries(attrs)) {
      if (attr === "@_xmlns") inner.set("", String(value));
      else if (attr.startsWith("@_xmlns:")) inner.set(attr.slice("@_xmlns:".length), String(value));
      else plain[attr.slice(2).replace(/^[^:]*:/, "")] = String(value);
    }
    const colon = key.indexOf(":");
    const prefix = colon > 0 ? key.slice(0, colon) : "";
    const name = colon > 0 ? key.slice(colon + 1) : key;
    const ns = inner.get(prefix);
    if (ns === undefined && prefix !== "") throw new BadXmlError(`Unknown namespace prefix "${prefix}"`);
    const children = (item[key] ?? []) as Raw[];
    const text = children
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("");
    out.push({ ns: ns ?? "", name, attrs: plain, children: convert(children, inner), text });
  }
  return out;
}

/** The root element of a request body; null for an empty body. */
export function parseXml(body: string): XmlElement | null {
  if (body.trim() === "") return null;
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new BadXmlError("Document type declarations are not accepted");
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new BadXmlError(`The body is not well-formed XML: ${valid.err.msg}`);
  const [root] = convert(parser.parse(body) as Raw[], new Map());
  if (!root) throw new BadXmlError("The body has no root element");
  return root;
}

export function child(el: XmlElement | null | undefined, ns: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.ns === ns && c.name === name);
}

export function children(el: XmlElement | null | undefined, ns: string, name: string): XmlElement[] {
  return el?.children.filter((c) => c.ns === ns && c.name === name) ?? [];
}

/** An element of an answer: `[ns, name]` with text or child elements. */
export interface Out {
  ns: string;
  name: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: Out[];
}

export const el = (ns: string, name: string, content?: string | Out[]): Out =>
  typeof content === "string" ? { ns, name, text: content } : { ns, name, children: content ?? [] };

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
  processEntities: true,
});

function toRaw(node: Out, declared: Set<string>): Raw {
  const known = PREFIX[node.ns];
  const prefix = known ?? "u";
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.attrs ?? {})) attrs[`@_${k}`] = v;
  let scope = declared;
  if (!declared.has(node.ns) || known === undefined) {
    attrs[`@_xmlns:${prefix}`] = node.ns;
    if (known !== undefined) scope = new Set([...declared, node.ns]);
  }
  const inner: Raw[] = node.text !== undefined ? [{ "#text": node.text }] : [];
  for (const c of node.children ?? []) inner.push(toRaw(c, scope));
  const raw: Raw = { [`${prefix}:${node.name}`]: inner };
  if (Object.keys(attrs).length > 0) raw[":@"] = attrs;
  return raw;
}

/** The XML text of an answer's root element, with the usual prefixes declared on it. */
export function buildXml(root: Out): string {
  const declared = new Set<string>([NS.dav, NS.caldav, NS.cs, NS.ical]);
  const raw = toRaw(root, declared);
  const attrs = (raw[":@"] ?? {}) as Record<string, string>;
  for (const ns of declared) attrs[`@_xmlns:${PREFIX[ns]}`] = ns;
  raw[":@"] = attrs;
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build([raw])}`;
}
