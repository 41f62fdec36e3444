import { buildOpenApiDocument } from "@/lib/api/openapi";

// Public: the description of the API is the same for everyone and holds no data.
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
