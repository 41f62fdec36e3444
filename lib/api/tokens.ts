/** What a personal API token may do: read only, or read and write scores. */
export const apiTokenScopes = ["read", "read-write"] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

export const apiTokenScopeLabels: Record<ApiTokenScope, string> = {
  read: "Read only",
  "read-write": "Read and write",
};
