"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeTarget, setTarget } from "@/db/commands/targets";
import { userAction } from "@/lib/auth/action";
import { formatFinancialYear } from "@/lib/financial-year";
import { targetInputSchemaOn } from "@/lib/schemas/target";
import { getFrameworkById } from "@/db/queries/frameworks";
import { isUuid } from "@/lib/ids";
import { formatFine, scaleOf } from "@/lib/scale";

// The framework the form names gives the scale its score is checked on (setTarget checks it again).
const targetSchemaFor = async (raw: Record<string, unknown>) => {
  const framework = typeof raw.frameworkId === "string" && isUuid(raw.frameworkId) ? await getFrameworkById({ frameworkId: raw.frameworkId }) : null;
  return targetInputSchemaOn(framework ? scaleOf(framework) : null);
};

export const setTargetAction = userAction(targetSchemaFor, async (input, user) => {
  const saved = await setTarget({ actor: user, input });
  revalidatePath("/trajectories"); // statuses depend on the targets
  const framework = await getFrameworkById({ frameworkId: input.frameworkId });
  return { ok: true, message: `Target for ${formatFinancialYear(saved.financialYear)} saved: ${formatFine(saved.score, scaleOf(framework!))}.` };
});

export const removeTargetAction = userAction(z.object({ targetId: z.uuid(), version: z.coerce.number().int().positive() }), async (input, user) => {
  await removeTarget({ actor: user, ...input });
  revalidatePath("/trajectories");
  return { ok: true, message: "Target removed." };
});
