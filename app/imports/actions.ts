"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { discardImport, dmaJobToSettle, recheckDmaImport } from "@/db/commands/imports";
import { addOrganisation } from "@/db/commands/organisations";
import { getOrganisationByOdsCode } from "@/db/queries/places";
import { organisationTypes } from "@/lib/organisation-types";
import { userAction } from "@/lib/auth/action";

export const discardImportAction = userAction(z.object({ jobId: z.uuid({ error: "The form did not say which import. Reload the page." }) }), async ({ jobId }, user) => {
  await discardImport({ actor: user, jobId });
  redirect("/imports?done=discarded");
});

const jobId = z.uuid({ error: "The form did not say which import. Reload the page." });
const odsCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{3,6}$/, { error: "Enter an ODS code: 3 to 6 letters and digits, like RTH" });
const publishedName = z.string().trim().min(1, { error: "The form did not say which name. Reload the page." }).max(300);

/** A name in NHS England's workbook mapped to an organisation the app has (remembered when imported). */
export const mapDmaNameAction = userAction(z.object({ jobId, name: publishedName, odsCode }), async ({ jobId, name, odsCode }, user) => {
  const found = await getOrganisationByOdsCode({ odsCode });
  if (!found) return { ok: false, message: "Nothing was mapped: no organisation has that ODS code.", fieldErrors: { odsCode: `No organisation has the ODS code ${odsCode}: add it below instead` } };
  await recheckDmaImport({ actor: user, jobId, options: { mappings: { [name]: odsCode } } });
  revalidatePath(`/imports/${jobId}`);
  return { ok: true, message: `“${name}” is mapped to ${found.name} (${odsCode}).` };
});

/** An organisation the app lacks, added and mapped to the name in one go. */
export const addDmaOrganisationAction = userAction(
  z.object({
    jobId,
    name: publishedName,
    odsCode,
    organisationName: z.string().trim().min(1, { error: "Enter the organisation's name" }).max(200),
    type: z.enum(organisationTypes, { error: "Choose what kind of organisation it is" }),
    systemCode: z.string().trim().toUpperCase().min(1, { error: "Enter the code of its system (its ICB), like QWO" }),
  }),
  async ({ jobId, name, odsCode, organisationName, type, systemCode }, user) => {
    // The import first: an organisation is not added from a form for someone else's, or a committed, import.
    await dmaJobToSettle(user, jobId);
    await addOrganisation({ actor: user, odsCode, name: organisationName, type, systemCode });
    await recheckDmaImport({ actor: user, jobId, options: { mappings: { [name]: odsCode } } });
    revalidatePath(`/imports/${jobId}`);
    return { ok: true, message: `${organisationName} (${odsCode}) was added and “${name}” mapped to it.` };
  },
);

/** Rows whose names match no organisation left out of the import, or brought back. */
export const leaveOutUnmatchedAction = userAction(z.object({ jobId, leaveOut: z.enum(["yes", "no"]) }), async ({ jobId, leaveOut }, user) => {
  await recheckDmaImport({ actor: user, jobId, options: { leaveOutUnmatched: leaveOut === "yes" } });
  revalidatePath(`/imports/${jobId}`);
  return { ok: true, message: leaveOut === "yes" ? "Rows naming no organisation will be left out." : "Rows naming no organisation are errors again." };
});
