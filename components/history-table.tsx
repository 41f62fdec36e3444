import type { AuditListItem } from "@/db/queries/audit";
import { describeChange } from "@/lib/history";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export function HistoryTable({ entries, caption }: { entries: AuditListItem[]; caption: string }) {
  if (entries.length === 0) return <p>No changes have been recorded yet.</p>;
  return (
    <table className="nhsuk-table" data-testid="history">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {entries.map((e) => (
          <tr key={e.id}>
            <td>
              <time dateTime={e.at.toISOString()}>{dateTime.format(e.at)}</time>
            </td>
            <td>{e.actorName ?? "Data import"}</td>
            <td>{describeChange(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
