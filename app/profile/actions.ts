"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/db/commands/api-tokens";
import { newApiTokenSchema, revokeApiTokenSchema } from "@/lib/api/token-schema";
import { apiTokenScopeLabels } from "@/lib/api/tokens";
import { userAction, type ActionState } from "@/lib/auth/action";

/** A new token's secret travels once, in the answer to the form that created it. */
export interface CreatedApiToken {
  name: string;
  prefix: string;
  secret: string;
  scopeLabel: string;
  expiresAt: string;
}
export type CreateApiTokenState = ActionState | { ok: true; message: string; created: CreatedApiToken };

export async function createApiTokenAction(previous: CreateApiTokenState, formData: FormData): Promise<CreateApiTokenState> {
  let created: CreatedApiToken | undefined;
  const state = await userAction(newApiTokenSchema, async (input, user) => {
    const { token, secret } = await createApiToken({ actor: user, name: input.name, scope: input.scope, lifetimeDays: input.lifetimeDays });
    created = { name: token.name, prefix: token.prefix, secret, scopeLabel: apiTokenScopeLabels[token.scope], expiresAt: token.expiresAt.toISOString() };
    revalidatePath("/profile");
    return { ok: true, message: `The token “${token.name}” has been created.` };
  })(previous, formData);
  return state?.ok && created ? { ...state, created } : state;
}

export const revokeApiTokenAction = userAction(revokeApiTokenSchema, async ({ tokenId }, user) => {
  await revokeApiToken({ actor: user, tokenId });
  revalidatePath("/profile");
  return { ok: true, message: "The token has been revoked: it no longer works." };
});
