import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { headers } from "next/headers";
import { z } from "zod";
import { getUserCredentialsByEmail, getUserIdByEntraIdentity } from "@/db/queries/users";
import { entraIdConfigured, entraTenantId, env } from "@/lib/env";
import { authSecret } from "@/lib/auth/secret";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { bookSignInAttempt, recordSignInAttempt, signInSucceeded, takeBackSignInAttempt } from "@/db/commands/sign-in-throttle";
import { checkSecondFactorAtSignIn } from "@/db/commands/two-factor";
import { admitEntraSignIn } from "@/db/commands/entra-sign-in";
import { clientAddress, throttleKeys } from "@/lib/auth/throttle";
import { newSessionId, nowInSeconds, sessionAlive, sessionExpiry, sessionLimits } from "@/lib/auth/session-lifetime";
import { revokeSession } from "@/db/commands/sessions";
import { upgradePasswordHash } from "@/db/commands/users";

declare module "next-auth" {
  interface Session {
    /** The session's own id: signing out refuses it (db/commands/sessions.ts). */
    sessionId?: string;
    /** When the person signed in, in seconds: how long a signed-out id must stay refused. */
    signedInAt?: number;
    /** The same in milliseconds: "sign out everywhere" refuses sessions signed in before it (lib/auth/sessions-cut-off.ts). */
    signedInAtMs?: number;
    /** How the person signed in: an admin signed in with a password must use two-factor (lib/auth/session.ts). */
    method?: "password" | "microsoft-entra-id";
  }
}

/**
 * Signs a session out for good: its id is refused from now until it would have expired
 * anyway. Used by the app's Sign out button before the cookie is cleared (a failure shows
 * there) and by Auth.js's own sign-out event, which finds it done.
 */
export async function revokeSessionOf(session: { sessionId?: unknown; userId?: unknown; signedInAt?: unknown }): Promise<void> {
  if (typeof session.sessionId !== "string" || typeof session.signedInAt !== "number") return;
  await revokeSession({
    sessionId: session.sessionId,
    userId: typeof session.userId === "string" ? session.userId : null,
    expiresAt: sessionExpiry(session.signedInAt, sessionLimits(env())),
  });
}

/** The address of the request being handled (Auth.js callbacks get no request of their own). */
async function requestAddress(trustedHops: number): Promise<string | null> {
  try {
    return clientAddress(await headers(), trustedHops);
  } catch {
    return null;
  }
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword("no account has this password"));

/** Too many failures for the account or the address: refused without looking at the password. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}
/** The password is right and the account uses two-factor: the form asks for the code (no session yet). */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two-factor-required";
}
/** The password is right but the code is not (or was used already). */
export class TwoFactorRefused extends CredentialsSignin {
  code = "two-factor-refused";
}

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1).max(1024), code: z.string().max(64).optional() });

// Auth.js keeps only the user's id in its signed cookie; role and scope are read from the
// database on every request (lib/auth/session.ts), so revoking a role works at once.
// The cookie also carries when the person signed in and was last seen: the session ends
// after SESSION_IDLE_MINUTES without a page opened (the proxy re-issues the cookie on each
// page) and SESSION_MAX_HOURS after signing in (lib/auth/session-lifetime.ts). It has an
// id of its own, refused once the person signs out, so a copy of the cookie that outlives
// the sign-out (a response already on its way that sets it again, or a stolen one) opens
// nothing.
function config(): NextAuthConfig {
  const e = env();
  const limits = sessionLimits(e);
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: limits.idleSeconds },
    pages: { signIn: "/login" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email address" }, password: { label: "Password", type: "password" }, code: { label: "Security code" } },
        // Throttled per account and per address in the database (every instance counts the
        // same failures), and every attempt recorded in the history, however it ends.
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password, code } = parsed.data;
          const address = clientAddress(request.headers, e.TRUSTED_PROXY_HOPS);
          const keys = throttleKeys(email, address);
          const [verdict, user] = await Promise.all([bookSignInAttempt({ keys }), getUserCredentialsByEmail({ email })]);
          const attempt = { email, userId: user?.id ?? null, address };
          if (verdict.locked) {
            await recordSignInAttempt({ ...attempt, outcome: "locked" });
            throw new SignInLocked();
          }
          if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
          // An unknown account costs a hash as a known one does, so timing does not tell them apart.
          const ok = user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash(), password).then(() => false);
          if (!ok || !user) {
            await recordSignInAttempt({ ...attempt, outcome: "failed" });
            return null;
          }
          // Two-factor: the password and the code are checked in this one call, so no
          // session exists until both are right (docs/two-factor-and-sign-in.md).
          const second = await checkSecondFactorAtSignIn({ userId: user.id, code });
          if (second === "required") {
            await takeBackSignInAttempt({ keys });
            throw new TwoFactorRequired();
          }
          if (second === "refused") {
            await recordSignInAttempt({ ...attempt, outcome: "failed", reason: "wrong code" });
            throw new TwoFactorRefused();
          }
          await upgradePasswordHash({ userId: user.id, passwordHash: user.passwordHash!, password }); // weaker parameters of old: replaced
          await signInSucceeded({ accountKey: keys[0]!, addressKey: keys[1] ?? null });
          await recordSignInAttempt({ ...attempt, outcome: "succeeded" });
          return { id: user.id, name: user.name, email: user.email };
        },
      }),
      ...(entraIdConfigured(e)
        ? [
            MicrosoftEntraID({
              clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
              clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET,
              issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
            }),
          ]
        : []),
    ],
    callbacks: {
      // Entra ID (NHSmail) signs in only people an admin has added: from our own tenant,
      // matched by tenant and object id once linked (db/commands/entra-sign-in.ts).
      async signIn({ user, account, profile }) {
        if (account?.provider !== "microsoft-entra-id") return true;
        const admitted = await admitEntraSignIn({
          expectedTenantId: entraTenantId(e.AUTH_MICROSOFT_ENTRA_ID_ISSUER),
          claims: { tid: profile?.tid, oid: profile?.oid, email: user.email ?? profile?.email },
          address: await requestAddress(e.TRUSTED_PROXY_HOPS),
        });
        return admitted.ok;
      },
      async jwt({ token, user, account, profile }) {
        const now = nowInSeconds();
        if (account?.provider === "microsoft-entra-id") {
          const [tid, oid] = [profile?.tid, profile?.oid];
          token.uid = typeof tid === "string" && typeof oid === "string" ? ((await getUserIdByEntraIdentity({ tenantId: tid, objectId: oid })) ?? undefined) : undefined;
        } else if (user?.id) {
          token.uid = user.id;
        }
        if (user) {
          token.signedInAt = now;
          token.sid = newSessionId();
          token.signedInAtMs = Date.now();
          token.method = account?.provider === "microsoft-entra-id" ? "microsoft-entra-id" : "password";
        }
        // null ends the session: Auth.js clears the cookie and auth() answers signed out.
        if (!sessionAlive(token, now, limits)) return null;
        token.lastSeen = now;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        if (typeof token.sid === "string") session.sessionId = token.sid;
        if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
        if (typeof token.signedInAtMs === "number") session.signedInAtMs = token.signedInAtMs;
        if (token.method === "password" || token.method === "microsoft-entra-id") session.method = token.method;
        return session;
      },
    },
    events: {
      // Sign-outs through Auth.js's own route (POST /api/auth/signout) too.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (token) await revokeSessionOf({ sessionId: token.sid, userId: token.uid, signedInAt: token.signedInAt });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
