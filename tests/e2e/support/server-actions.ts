import { expect, type Page } from "@playwright/test";
import { BASE_URL } from "./env";

// Crafted requests to server actions, as a browser without JavaScript (or an attacker)
// would send them: the tests of authorization that do not go through the UI.

/**
 * The hidden fields Next.js renders into a server-rendered form so that it works without
 * JavaScript: they name the server action. Read from the served HTML of the page, from the
 * form that contains `marker`.
 */
export async function actionFields(page: Page, path: string, marker: string): Promise<Record<string, string>> {
  const html = await (await page.request.get(path)).text();
  const at = html.indexOf(marker);
  expect(at, `${marker} in the HTML of ${path}`).toBeGreaterThan(0);
  const form = html.slice(html.lastIndexOf("<form", at), html.indexOf("</form>", at));
  const decode = (s: string) => s.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/>/g)) fields[decode(match[1]!)] = decode(match[2] ?? "");
  expect(Object.keys(fields).length, `server action fields in the form with ${marker}`).toBeGreaterThan(0);
  return fields;
}

/** Posts a form with the page's session; fields as an object, or as pairs when a name repeats. */
export async function postForm(page: Page, path: string, fields: Record<string, string> | [string, string][]) {
  const body = new FormData();
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) body.append(name, value);
  const response = await page.request.post(path, { multipart: body, headers: { Origin: BASE_URL }, maxRedirects: 0 });
  expect(response.status(), `crafted POST to ${path}`).toBeLessThan(500);
}
