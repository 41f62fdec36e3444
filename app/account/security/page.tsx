import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConfirmTwoFactorForm } from "@/components/account/confirm-two-factor-form";
import { QrCode } from "@/components/account/qr-code";
import { StartTwoFactorForm } from "@/components/account/start-two-factor-form";
import { TwoFactorProofForm } from "@/components/account/two-factor-proof-form";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { getSessionAccount } from "@/lib/auth/session";
import { totpUri } from "@/lib/auth/totp";
import { signOutAction } from "@/app/login/actions";

export const metadata: Metadata = { title: "Account security" };

/** The key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

// Open to an admin who must still set up two-factor (getSessionAccount, not requireUser):
// everything else sends them here first.
export default async function AccountSecurityPage() {
  const account = await getSessionAccount();
  if (!account) redirect("/login?callbackUrl=/account/security");
  const status = await getTwoFactorStatus({ userId: account.id });
  return (
    <>
      <h1>Account security</h1>
      {account.mustEnrolTwoFactor && (
        <div className="nhsuk-inset-text" data-testid="two-factor-required">
          <p>Administrators must sign in with a code from an authenticator app as well as their password. Set it up now to continue.</p>
        </div>
      )}
      <h2>Two-factor authentication</h2>
      {status.enabled ? (
        <>
          <p data-testid="two-factor-status">
            <strong>On.</strong> You sign in with your password and a code from your authenticator app. You have {status.recoveryCodesLeft} unused recovery
            code{status.recoveryCodesLeft === 1 ? "" : "s"}.
          </p>
          <h3>New recovery codes</h3>
          <p>Makes 10 new codes; the ones you have stop working.</p>
          <TwoFactorProofForm kind="regenerate" />
          <h3>Turn off two-factor authentication</h3>
          <p>{account.role === "admin" ? "As an administrator you will be asked to set it up again before you can continue." : "You will then sign in with your password alone."}</p>
          <TwoFactorProofForm kind="disable" />
        </>
      ) : status.pendingSecret ? (
        <>
          <p>Use an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).</p>
          <h3>1. Add Digital Roadmap to the app</h3>
          <p>Scan this QR code with the app:</p>
          <QrCode text={totpUri(status.pendingSecret, account.email)} label="QR code for your authenticator app: the same key is written out below" />
          <p>Or choose to enter a key in the app, and type this key (time-based):</p>
          <p className="nhsuk-body-l">
            <code data-testid="totp-secret">{grouped(status.pendingSecret)}</code>
          </p>
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">The set-up link, for a password manager</span>
            </summary>
            <div className="nhsuk-details__text">
              <code>{totpUri(status.pendingSecret, account.email)}</code>
            </div>
          </details>
          <h3>2. Enter the code the app shows</h3>
          <ConfirmTwoFactorForm />
          <StartTwoFactorForm again />
        </>
      ) : (
        <>
          <p data-testid="two-factor-status">
            <strong>Off.</strong> With two-factor authentication on, signing in needs a code from an app on your phone as well as your password, so a password
            that gets out is not enough on its own.
          </p>
          <StartTwoFactorForm />
        </>
      )}
      {account.mustEnrolTwoFactor && (
        <form action={signOutAction}>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Sign out
          </button>
        </form>
      )}
    </>
  );
}
