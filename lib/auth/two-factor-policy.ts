import type { Role } from "@/lib/roles";

// Who must use a second factor. Administrators who sign in with a password must: they can
// change anyone's role and every organisation's data. NHSmail (Entra ID) sign-ins have the
// tenant's own multi-factor policy, so the app asks nothing more of them.
export const rolesThatMustUseTwoFactor: readonly Role[] = ["admin"];

export function mustEnrolTwoFactor({ role, method }: { role: Role; method: "password" | "microsoft-entra-id" }): boolean {
  return method === "password" && rolesThatMustUseTwoFactor.includes(role);
}
