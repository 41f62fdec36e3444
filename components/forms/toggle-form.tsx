"use client";

import { useActionState } from "react";
import { FormFeedback } from "./form-feedback";
import type { ActionState } from "@/lib/auth/action";

/** One button that sends fixed fields to an action (disable a user, close a period). */
export function ToggleForm({
  action,
  fields,
  label,
  secondary = true,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  return (
    <form action={formAction}>
      <FormFeedback state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className={`nhsuk-button${secondary ? " nhsuk-button--secondary" : ""} nhsuk-u-margin-bottom-0`} type="submit" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
