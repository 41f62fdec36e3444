/** Recovery codes, shown once after they are made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="nhsuk-panel" data-testid="recovery-codes">
      <h2>Your recovery codes</h2>
      <p>
        Each code signs you in once if you do not have your authenticator app. Keep them somewhere safe, apart from your phone: this is the only time they are
        shown.
      </p>
      <ol className="nhsuk-list nhsuk-list--number">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <a className="nhsuk-button" href="/account/security">
        I have kept my recovery codes
      </a>
    </div>
  );
}
