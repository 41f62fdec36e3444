import { z } from "zod";
import { apiTokenLifetimes, apiTokenScopes } from "./tokens";

/** The profile page's "Create a token" form. */
export const newApiTokenSchema = z.object({
  name: z
    .string({ error: "Enter a name for the token, like Power BI maturity report" })
    .trim()
    .min(1, { error: "Enter a name for the token, like Power BI maturity report" })
    .max(100, { error: "Enter a name of 100 characters or fewer" }),
  scope: z.enum(apiTokenScopes, { error: "Choose what the token may do" }),
  lifetimeDays: z.coerce
    .number({ error: "Choose when the token expires" })
    .refine((n): n is (typeof apiTokenLifetimes)[number] => (apiTokenLifetimes as readonly number[]).includes(n), {
      error: "Choose when the token expires: in 30, 90 or 365 days",
    }),
});
export type NewApiToken = z.infer<typeof newApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid({ error: "The form did not say which token to revoke. Reload the page and try again." }) });
