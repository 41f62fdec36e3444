// Signs a demo account in through Auth.js's own endpoints (no browser) and returns the
// Cookie header a signed-in browser would send.
import http from "node:http";
import { httpGet } from "./load";
import { demoTotpSecretFor, nextDemoTotpCode } from "./demo-totp";

function cookiePairs(setCookie: string[] | undefined): string[] {
  return (setCookie ?? []).map((c) => c.split(";")[0]!).filter((pair) => !pair.endsWith("="));
}

export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await httpGet(`${baseUrl}/api/auth/csrf`);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf: HTTP ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const jar = cookiePairs(csrf.headers["set-cookie"]);
  // An account with two-factor sends its code with the password, in the same request.
  const secret = demoTotpSecretFor(email);
  const code: Record<string, string> = secret ? { code: await nextDemoTotpCode(secret) } : {};
  const body = new URLSearchParams({ email, password, ...code, csrfToken, callbackUrl: `${baseUrl}/maturity` }).toString();
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = http.request(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Cookie: jar.join("; ") },
    }, (res) => {
      res.resume();
      res.on("end", () => resolve(res));
    });
    request.on("error", reject);
    request.end(body);
  });
  const session = cookiePairs(response.headers["set-cookie"]).filter((pair) => pair.includes("session-token"));
  if (session.length === 0) throw new Error(`Signing in as ${email} gave no session cookie (HTTP ${response.statusCode}, location ${response.headers.location ?? "none"})`);
  return [...jar, ...session].join("; ");
}
