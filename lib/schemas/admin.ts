import { z } from "zod";
import { roles } from "../roles";
import { passwordProblem } from "../auth/password-policy";

const organisationIds = z.preprocess(
  (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid({ error: "Choose organisations from the list" })),
);

export const userAccessSchema = z
  .object({
    role: z.enum(roles, { error: "Choose a role" }),
    organisationIds,
  })
  .refine((v) => v.role !== "cio" || v.organisationIds.length > 0, {
    error: "Choose at least one organisation for a CIO",
    path: ["organisationIds"],
  });

export const newUserSchema = z
  .object({
    email: z.email({ error: "Enter an email address in the right format, like name@nhs.net" }).transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1, { error: "Enter the person's name" }).max(200),
    password: z.string(), // checked below, with the email and name it must not contain
    role: z.enum(roles, { error: "Choose a role" }),
    organisationIds,
  })
  .refine((v) => v.role !== "cio" || v.organisationIds.length > 0, {
    error: "Choose at least one organisation for a CIO",
    path: ["organisationIds"],
  })
  // Blank: the person signs in with NHSmail only.
  .superRefine((v, context) => {
    const problem = v.password === "" ? null : passwordProblem(v.password, v);
    if (problem) context.addIssue({ code: "custom", path: ["password"], message: `${problem}, or leave it blank for NHSmail-only sign-in` });
  });

export const newPeriodSchema = z.object({
  frameworkId: z.uuid({ error: "Choose a framework" }),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { error: "Enter a code of 2 to 40 capital letters, digits and hyphens, like 2018-REASSESSMENT" }),
  name: z.string().trim().min(1, { error: "Enter a name, like Reassessment 2018" }).max(100),
  assessedOn: z.iso.date({ error: "Enter the date the scores describe, like 2018-06-30" }),
});

/**
 * A framework file: uploaded (`file`), or the file already checked sent back (`contents`,
 * base64) to load it. Either way it is read and checked again from the start.
 */
export const frameworkFileSchema = z
  .object({
    file: z.instanceof(File, { error: "Choose a CSV or Excel (.xlsx) file" }).optional(),
    contents: z.base64({ error: "The checked file did not come back whole. Check the file again." }).optional(),
    fileName: z.string().max(200).optional(),
  })
  // A file input left empty still sends a nameless, empty file.
  .transform(({ file, contents, fileName }) => (file && file.size > 0 ? { file, contents: undefined, fileName: file.name.slice(0, 200) } : { file: undefined, contents: contents || undefined, fileName: fileName ?? "" }))
  .refine((v) => v.file || v.contents, { error: "Choose a CSV or Excel (.xlsx) file", path: ["file"] });
