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

// Pages only: API routes and downloads (/export/…) answer 401 themselves, and static files
// (anything with a file extension, such as the NHS stylesheet) must load on the sign-in page too.
export const config = {
  matcher: ["/((?!api/|export/|login|_next/|assets/|nhsuk/|.*\\.[a-z0-9]+$).*)"],
};
