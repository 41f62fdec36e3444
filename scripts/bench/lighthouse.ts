// Lighthouse on Debian's Chromium (headless), signed in with the session cookie, desktop
// settings (the app's users are at NHS desktops; Lighthouse's desktop preset throttles
// the network and CPU as its authors set it). Scores are 0–100.
import { existsSync } from "node:fs";

export type LighthouseResult = { path: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number };

const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export async function runLighthouse(baseUrl: string, paths: readonly string[], cookie: string): Promise<LighthouseResult[]> {
  if (!existsSync(chromePath)) throw new Error(`Lighthouse needs Chromium at ${chromePath} (apt-get install chromium), or CHROME_PATH.`);
  const { default: lighthouse } = await import("lighthouse");
  const desktop = (await import("lighthouse/core/config/desktop-config.js")).default;
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags });
  try {
    const results: LighthouseResult[] = [];
    for (const path of paths) {
      const run = await lighthouse(
        baseUrl + path,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { Cookie: cookie } },
        desktop,
      );
      const lhr = run?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${path}`);
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id: string) => Number(lhr.audits[id]?.numericValue ?? Number.NaN);
      results.push({ path, performance: score("performance"), accessibility: score("accessibility"), lcpMs: audit("largest-contentful-paint"), tbtMs: audit("total-blocking-time"), cls: audit("cumulative-layout-shift") });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
