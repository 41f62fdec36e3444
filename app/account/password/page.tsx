import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { getSessionAccount } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Change your password" };

// Open also while the account must change its password: it is the one page that is.
export default async function ChangePasswordPage() {
  const account = await getSessionAccount();
  if (!account) redirect("/login?callbackUrl=/account/password");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {!account.mustChangePassword && (
          <Link className="nhsuk-back-link" href="/profile">
            Your profile
          </Link>
        )}
        <h1>Change your password</h1>
        {account.mustChangePassword ? (
          <div className="nhsuk-warning-callout" data-testid="must-change-password">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                Choose a new password first
              </span>
            </h2>
            <p>Your password was set by someone else. Choose one only you know before you use the app.</p>
          </div>
        ) : (
          <p>Changing your password signs you out everywhere else you are signed in; you stay signed in here.</p>
        )}
        <ChangePasswordForm />
      </div>
    </div>
  );
}
