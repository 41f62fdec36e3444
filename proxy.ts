import { NextResponse, type NextRequest } from "next/server";

// Only a redirect for people who are plainly signed out. It is not a security boundary:
// every page, server action and route handler checks the session on the server itself.
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!api/|login|_next/|assets/|favicon).*)"],
};
