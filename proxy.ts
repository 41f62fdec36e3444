import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import type { NextAuthRequest } from "next-auth";
import { auth } from "@/auth";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security-headers";

// Runs before every page (not API routes, downloads or files). Three jobs:
// - the page's Content-Security-Policy with a fresh nonce, which Next.js reads from the
//   request header and puts on its own scripts;
// - the session cookie re-issued (Auth.js's wrapper), so that the idle limit counts from
//   the last page opened;
// - a redirect to the sign-in page for people plainly signed out.
// It is not a security boundary: every page, server action and route handler checks the
// session and the role on the server itself.
const policyFor = (nonce: string) => pageContentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });

function withPolicy(response: NextResponse, nonce: string): NextResponse {
  response.headers.set("Content-Security-Policy", policyFor(nonce));
  return response;
}

function pageGuard(request: NextAuthRequest) {
  const nonce = newNonce();
  const { pathname, search } = request.nextUrl;
  // A password reset link is opened signed out (its secret is the proof).
  if (!request.auth && pathname !== "/login" && !pathname.startsWith("/reset-password/")) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return withPolicy(NextResponse.redirect(login), nonce);
  }
  // Next.js reads the nonce from the request's policy and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policyFor(nonce));
  return withPolicy(NextResponse.next({ request: { headers } }), nonce);
}

// With a lazily built configuration, Auth.js's wrapper arrives as a promise of the handler.
const guarded = auth(pageGuard) as unknown as Promise<(request: NextRequest, event: NextFetchEvent) => Promise<Response>>;

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  // Form posts run server actions, which check the session themselves; re-issuing the
  // cookie there would undo one that signs the person out.
  if (request.method !== "GET" && request.method !== "HEAD") return withPolicy(NextResponse.next(), newNonce());
  return (await guarded)(request, event);
}

// Pages only: API routes and downloads (/export/…) answer 401 themselves, and static files
// (anything with a file extension, such as the NHS stylesheet) must load on the sign-in page too.
export const config = {
  matcher: ["/((?!api/|export/|_next/|assets/|nhsuk/|.*\\.[a-z0-9]+$).*)"],
};
