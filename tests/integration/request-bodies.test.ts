// What a request may send (docs/request-limits.md): the role is checked before an upload's
// body is read, bodies are counted as they arrive whatever Content-Length says, and control
// characters from a file, a form or an API body are dropped rather than failing the insert.
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Auth.js cannot run outside Next: each test says who is signed in.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));

import { createUserAction } from "@/app/admin/actions";
import { POST as uploadImport } from "@/app/api/imports/route";
import { PUT as saveScores } from "@/app/api/v1/assessments/[id]/scores/route";
import { GET as listScores } from "@/app/api/v1/scores/route";
import { createAssessment } from "@/db/commands/assessments";
import { checkImport, commitImport } from "@/db/commands/imports";
import { auditLog, domainScores, importJobs, projects, users } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { readNdjson, type StreamLine } from "@/lib/ndjson";
import { MAX_IMPORT_BODY_BYTES, MAX_JSON_BODY_BYTES } from "@/lib/request-limits";
import { actor, allScores, demo, seeded } from "../support/fixtures";
import { testDb } from "../support/test-database";
import { apiRequest, call, origin, tokenFor } from "./api-support";

type Seeded = Awaited<ReturnType<typeof seeded>>;
let s: Seeded;
beforeAll(async () => {
  s = await seeded();
});

const signedIn = async (email: string | null) => vi.mocked(getCurrentUser).mockResolvedValue(email ? await actor(email) : null);
const CHUNK = 64 * 1024;

/** A body of `total` bytes made only as it is read (a chunked upload: no Content-Length), counting what was pulled. */
function countedBody(total: number, first = new Uint8Array(0)) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        const chunk = counter.pulled === 0 && first.length > 0 ? first : new Uint8Array(Math.min(CHUNK, total - counter.pulled)).fill(0x61);
        counter.pulled += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

const streamed = (path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  new Request(`${origin}${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function answerOf(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

const multipartStart = (boundary: string) =>
  new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscores\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`);

function upload(kind: string, file: File) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", file);
  return new Request(`${origin}/api/imports`, { method: "POST", body: form });
}

async function lastLine(response: Response): Promise<StreamLine> {
  const lines: StreamLine[] = [];
  await readNdjson(response, (line) => lines.push(line));
  return lines.at(-1)!;
}

describe("POST /api/imports", () => {
  it("refuses a role that may import nothing before reading a byte of the body", async () => {
    await signedIn(demo.viewer);
    const { stream, counter } = countedBody(5 * 1024 * 1024);
    const response = await uploadImport(streamed("/api/imports", stream, { "content-type": "multipart/form-data; boundary=b0undary" }));
    expect(response.status).toBe(403);
    expect(counter.pulled).toBe(0);
    const db = await testDb();
    const denied = await db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied.some((d) => d.entityType === "import" && (d.after as { attempted: string }).attempted === "import")).toBe(true);
  });

  it("stops reading a chunked upload at the limit and answers 413, whatever it would have sent", async () => {
    await signedIn(demo.admin);
    const { stream, counter } = countedBody(MAX_IMPORT_BODY_BYTES * 2, multipartStart("b0undary"));
    const answer = await answerOf(await uploadImport(streamed("/api/imports", stream, { "content-type": "multipart/form-data; boundary=b0undary" })));
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: "too_large", message: "The file is larger than 30 MB: split it into smaller files." });
    expect(counter.pulled).toBeLessThanOrEqual(MAX_IMPORT_BODY_BYTES + CHUNK);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    await signedIn(demo.admin);
    const { stream, counter } = countedBody(1024);
    const response = await uploadImport(
      streamed("/api/imports", stream, { "content-type": "multipart/form-data; boundary=b0undary", "content-length": String(MAX_IMPORT_BODY_BYTES + 1) }),
    );
    expect(response.status).toBe(413);
    expect(counter.pulled).toBe(0);
  });

  it("checks a file within the limit, and a file name with control characters is kept without them", async () => {
    await signedIn(demo.cioOuh);
    const codes = s.dmiDomains.map((d) => d.code);
    const csv = ["ods_code,framework,period,domain,score", ...codes.map((c) => `RTH,DMI-2016,2017-REASSESSMENT,${c},55`)].join("\r\n");
    const response = await uploadImport(upload("scores", new File([csv], "rth\u0000\u0007 scores.csv", { type: "text/csv" })));
    expect(response.status).toBe(200);
    const line = await lastLine(response);
    expect(line).toMatchObject({ type: "done", result: { errorCount: 0 } });
    const id = (line as { result: { id: string } }).result.id;
    const [job] = await (await testDb()).select({ fileName: importJobs.fileName }).from(importJobs).where(eq(importJobs.id, id));
    expect(job!.fileName).toBe("rth scores.csv");
  });
});

describe("PUT /api/v1/… JSON bodies", () => {
  let secret: string;
  beforeAll(async () => {
    await signedIn(null);
    secret = (await tokenFor(demo.admin, "read-write", 30)).secret;
  });

  it("answers 413 past 1 MB, counted as it arrives (no Content-Length)", async () => {
    const { stream, counter } = countedBody(MAX_JSON_BODY_BYTES * 4, new TextEncoder().encode('{"version": 1, "scores": {"R1": "'));
    const id = crypto.randomUUID();
    const request = new Request(`${origin}/api/v1/assessments/${id}/scores`, {
      method: "PUT",
      body: stream,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    const answer = await call(saveScores, request, { id });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: "too_large", message: "The body is larger than 1 MB, the most a request to this API may send: send less at once." });
    expect(counter.pulled).toBeLessThanOrEqual(MAX_JSON_BODY_BYTES + CHUNK);
  });

  it("drops control characters from query parameters: an ODS code with a NUL is the code (it was a 500)", async () => {
    const answer = await call(listScores, apiRequest("/scores?organisation=RTH%00&period=2016-BASELINE", { secret }));
    expect(answer.status).toBe(200);
    expect(answer.body.paging.total).toBeGreaterThan(0);
  });

  it("drops control characters from the body's strings: a domain code with a NUL is the code", async () => {
    const draft = await createAssessment({ actor: await actor(demo.admin), organisationId: s.byOds("RXQ"), periodId: s.period("2017-REASSESSMENT").id });
    const codes = s.dmiDomains.map((d) => d.code);
    const scores = { ...allScores(codes.slice(1), 60), [`${codes[0]}\u0000`]: 61 };
    const answer = await call(saveScores, apiRequest(`/assessments/${draft.id}/scores`, { secret, method: "PUT", body: { version: draft.version, scores } }), { id: draft.id });
    expect(answer.status).toBe(200);
    const [first] = await (await testDb())
      .select()
      .from(domainScores)
      .where(and(eq(domainScores.assessmentId, draft.id), eq(domainScores.domainId, s.domainId(codes[0]!))));
    expect(first!.score).toBe(61);
  });
});

describe("control characters from a form and a file", () => {
  it("a server action's text field with a NUL is saved without it (it was a 500)", async () => {
    await signedIn(demo.admin);
    const form = new FormData();
    form.append("email", "nul.test@demo.nhs.uk");
    form.append("name", "Ann\u0000 Smith\u0008");
    form.append("password", "");
    form.append("role", "viewer");
    // A saved user is shown on its own page: the action ends in a redirect.
    await expect(createUserAction(null, form)).rejects.toThrow(/NEXT_REDIRECT/);
    const [saved] = await (await testDb()).select({ name: users.name }).from(users).where(eq(users.email, "nul.test@demo.nhs.uk"));
    expect(saved!.name).toBe("Ann Smith");
  });

  // Every column is in a projects file's header; these rows fill the ones that must be.
  const head = "code,title,description,domain,stp_priority,programme,owners,footprints,from_year,to_year,start_on,end_on,status,rag,rag_reason,enables,supports";
  const row = (code: string, title: string) => [code, title, "", "C2", "Provider digital maturity", "", "RTH", "", "2017/18", "2017/18", "", "", "planned", "", "", "", ""];

  it("an XLSX cell holding a NUL (_x0000_) is imported without it (it was a 500)", async () => {
    const cio = await actor(demo.cioOuh);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Projects");
    sheet.addRow(head.split(","));
    sheet.addRow(row("NUL-OUH-1", "Shared_x0000_ records"));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const job = await checkImport({ actor: cio, kind: "projects", fileName: "p.xlsx", bytes });
    expect(job.errorCount).toBe(0);
    await commitImport({ actor: cio, jobId: job.id });
    const [project] = await (await testDb()).select({ title: projects.title }).from(projects).where(eq(projects.code, "NUL-OUH-1"));
    expect(project!.title).toBe("Shared records");
  });

  it("a CSV cell's control characters are dropped; a NUL in a CSV is refused as binary, clearly", async () => {
    const cio = await actor(demo.cioOuh);
    const bytes = new TextEncoder().encode(`${head}\r\n${row("CTL-OUH-1", "Bed\u001b[1m board\u0007").join(",")}\r\n`);
    const job = await checkImport({ actor: cio, kind: "projects", fileName: "p.csv", bytes });
    expect(job.errorCount).toBe(0);
    await commitImport({ actor: cio, jobId: job.id });
    const [project] = await (await testDb()).select({ title: projects.title }).from(projects).where(eq(projects.code, "CTL-OUH-1"));
    expect(project!.title).toBe("Bed[1m board");
    const withNul = await checkImport({ actor: cio, kind: "projects", fileName: "p.csv", bytes: new TextEncoder().encode(`${head}\r\n${row("NUL-OUH-2", "A\u0000B").join(",")}\r\n`) });
    expect(withNul.errors).toEqual([expect.objectContaining({ message: "The file contains binary data, not text. Upload a CSV or an Excel workbook (.xlsx)." })]);
  });
});
