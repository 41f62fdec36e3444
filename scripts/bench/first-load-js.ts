// First-load JavaScript of a page: the gzipped bytes of every script its HTML references
// (<script src>), as a browser with an empty cache would download them. `nomodule`
// scripts (Next's polyfills for browsers without ES modules) are not downloaded by any
// browser that runs the app, so they are not counted.
import { gzipSync } from "node:zlib";
import { httpGet } from "./load";

export function scriptSources(html: string): string[] {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1]!;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src && !/\bnoModule\b|\bnomodule\b/.test(attributes)) sources.add(src.replaceAll("&amp;", "&"));
  }
  return [...sources];
}

export async function firstLoadJsBytes(baseUrl: string, html: string, cache = new Map<string, number>()): Promise<{ gzipBytes: number; scripts: number }> {
  let total = 0;
  const sources = scriptSources(html);
  for (const src of sources) {
    const url = new URL(src, baseUrl).toString();
    if (!cache.has(url)) {
      const response = await httpGet(url);
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      cache.set(url, gzipSync(response.body).length);
    }
    total += cache.get(url)!;
  }
  return { gzipBytes: total, scripts: sources.length };
}
