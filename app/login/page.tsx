import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/forms/login-form";
import { signInWithEntraId } from "./actions";
import { getSignedInAccount, twoFactorEnrolmentPath } from "@/lib/auth/session";
import { entraIdConfigured } from "@/lib/env";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const next = safeRedirectPath(callbackUrl);
  const account = await getSignedInAccount();
  if (account) redirect(account.mustEnrolTwoFactor ? twoFactorEnrolmentPath : next);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sign in to Digital Roadmap</h1>
        <p>Digital maturity, trajectories, the programme portfolio and tollgate reviews for your integrated care system.</p>
        {entraIdConfigured() && (
          <>
            <form action={signInWithEntraId}>
              <input type="hidden" name="callbackUrl" value={next} />
              <button className="nhsuk-button" type="submit">
                Sign in with NHSmail (Microsoft)
              </button>
            </form>
            <p className="nhsuk-body-s">Or sign in with your email address and password.</p>
          </>
        )}
        <LoginForm callbackUrl={next} />
      </div>
    </div>
  );
}
