import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/forms/reset-password-form";
import { getResetLinkBySecret } from "@/db/queries/password-resets";
import { resetLinkProblem } from "@/lib/auth/reset-link";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

// Opened signed out: the link's secret is the proof (proxy.ts lets this path through).
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const link = await getResetLinkBySecret({ secret: token });
  const problem = !link ? resetLinkProblem.unknown : link.status !== "usable" ? resetLinkProblem[link.status] : null;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Choose a new password</h1>
        {problem || !link ? (
          <>
            <div className="nhsuk-inset-text" data-testid="reset-link-problem">
              <p>{problem}</p>
            </div>
            <p>
              <Link href="/login">Go to the sign-in page</Link>
            </p>
          </>
        ) : (
          <>
            <p>
              For {link.name} ({link.email}). Setting it signs this account out everywhere; then sign in with the new password.
            </p>
            <ResetPasswordForm token={token} />
          </>
        )}
      </div>
    </div>
  );
}
