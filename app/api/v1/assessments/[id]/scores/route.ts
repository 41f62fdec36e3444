import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { saveAssessmentScores } from "@/db/commands/assessments";
import { errorResponse } from "@/lib/api-response";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, invalid } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

const bodySchema = z.object({
  version: z.number({ error: "version must be the assessment's current version number" }).int().positive(),
  scores: z.record(z.string(), z.unknown(), { error: "scores must be an object of domain code (or id) to score" }),
  submit: z.boolean().optional(),
});

// The same command as the form: same validation, same permission check, same history.
export async function PUT(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    const { id } = await params;
    if (!isUuid(id)) throw new AppError("not_found", "That assessment was not found.");
    const body = bodySchema.safeParse(await request.json().catch(() => undefined));
    if (!body.success) throw invalid(body.error.issues.map((i) => i.message).join("; "));
    const result = await saveAssessmentScores({ actor: user, assessmentId: id, ...body.data });
    return NextResponse.json({ id, version: result.assessment.version, status: result.assessment.status, changed: result.changed });
  } catch (error) {
    return errorResponse(error);
  }
}
