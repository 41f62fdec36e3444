import type { WorkstreamItem } from "@/db/schema";
import { itemStatusLabels } from "@/lib/workstream";
import { ItemStatusForm } from "./forms/item-status-form";

/** Key objectives or key requirements with their status; the lead updates them in place. */
export function ItemsTable({ caption, items, editable }: { caption: string; items: WorkstreamItem[]; editable: boolean }) {
  if (items.length === 0) return null;
  const singular = caption.replace(/^Key /, "").replace(/s$/, "");
  return (
    <table className="nhsuk-table" data-testid={caption.toLowerCase().replaceAll(" ", "-")}>
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">{singular.charAt(0).toUpperCase() + singular.slice(1)}</th>
          <th scope="col">Status</th>
          <th scope="col">{editable ? "Update" : "Note"}</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row" className="app-item-text">
              {item.text}
            </th>
            <td data-testid="item-status">{itemStatusLabels[item.status]}</td>
            <td>{editable ? <ItemStatusForm item={item} label={`${singular} ${item.position}`} /> : item.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
