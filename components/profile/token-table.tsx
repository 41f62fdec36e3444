import type { ApiTokenListItem } from "@/db/queries/api-tokens";
import { apiTokenScopeLabels, apiTokenStatus, apiTokenStatusLabels, type ApiTokenStatus } from "@/lib/api/tokens";
import { RevokeTokenForm } from "./revoke-token-form";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
const statusColours: Record<ApiTokenStatus, string> = { active: "nhsuk-tag--green", expired: "nhsuk-tag--grey", revoked: "nhsuk-tag--red" };

/** The user's tokens: only the prefix of each, never the secret (the app does not have it). */
export function TokenTable({ tokens, now }: { tokens: readonly ApiTokenListItem[]; now: Date }) {
  if (tokens.length === 0) return <p data-testid="no-tokens">You have no API tokens.</p>;
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Your API tokens">
      <table className="nhsuk-table" data-testid="tokens">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">Your API tokens</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Access</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="nhsuk-u-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {tokens.map((t) => {
            const status = apiTokenStatus(t, now);
            return (
              <tr key={t.id} data-token={t.prefix}>
                <th scope="row">{t.name}</th>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{apiTokenScopeLabels[t.scope]}</td>
                <td>{when.format(t.createdAt)}</td>
                <td>{when.format(t.expiresAt)}</td>
                <td>{t.lastUsedAt ? when.format(t.lastUsedAt) : "Never"}</td>
                <td>
                  <strong className={`nhsuk-tag ${statusColours[status]}`} data-testid="token-status">
                    {apiTokenStatusLabels[status]}
                  </strong>
                </td>
                <td>
                  <RevokeTokenForm tokenId={t.id} tokenName={t.name} active={status === "active"} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
