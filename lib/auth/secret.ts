import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// The embedded demo should start with no set-up, so it makes its own signing secret once
// and keeps it beside its data. A real deployment (DATABASE_URL) must set AUTH_SECRET.
export function authSecret(): string {
  const { AUTH_SECRET, DATABASE_URL, DATA_DIR } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (DATABASE_URL) {
    throw new Error("AUTH_SECRET must be set when DATABASE_URL is: generate one with `openssl rand -base64 33`.");
  }
  const file = path.join(DATA_DIR, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
    const secret = crypto.randomBytes(33).toString("base64");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
