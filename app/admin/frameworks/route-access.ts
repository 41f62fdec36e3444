import "server-only";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { AppError, forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";

/** For this page's downloads: 401 signed out, 403 for anyone who may not load frameworks. */
export async function requireFrameworkLoader(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in first.");
  if (!can(user, "framework.load")) throw forbidden("Only administrators can load maturity frameworks.");
  return user;
}
