import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/forms/login-form";
import { signInWithEntraId } from "./actions";
import { getSessionAccount, pendingStepPath } from "@/lib/auth/session";
import { entraIdConfigured } from "@/lib/env";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, string> = {
  reset: "Your new password is set, and every session of your account has been signed out. Sign in with it now.",
  everywhere: "You have been signed out everywhere.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; password?: string; signedOut?: string }> }) {
  const { callbackUrl, password, signedOut } = await searchParams;
  const next = safeRedirectPath(callbackUrl);
  const account = await getSessionAccount();
  if (account) redirect(pendingStepPath(account) ?? next);
  const notice = password === "reset" ? notices.reset : signedOut === "everywhere" ? notices.everywhere : null;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {notice && (
          <div className="nhsuk-inset-text" role="status" data-testid="login-notice">
            <p>{notice}</p>
          </div>
        )}
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
