import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { gotoOrganisation, OPEN_PERIOD, openOrganisation, openPrivatePeriod, startAssessment } from "./support/app";
import { baseline, domainCodes, domainNames } from "./support/seed";

// Royal Berkshire (RHW) in Reassessment 2017 belongs to this spec alone; the OUH CIO's own
// draft is in a period this spec opens for itself.

const field = (page: Page, domain: keyof typeof domainNames) => page.getByLabel(domainNames[domain], { exact: true });
const versionOf = async (page: Page) => Number(await page.locator("input[name=version]").inputValue());

test("a CIO cannot change another trust's assessment: no button, API and tampered form refused, refusals recorded", async ({ pageAs }) => {
  test.setTimeout(90_000);
  const rbft = await pageAs("cioRbft");
  const ouh = await pageAs("cioOuh");

  // Royal Berkshire's CIO starts and saves a draft, so that there are stored scores to protect.
  const rhwOrganisationId = await openOrganisation(rbft, "RHW");
  const rhwAssessmentId = await startAssessment(rbft, OPEN_PERIOD.name);
  await field(rbft, "R1").fill("61");
  await rbft.getByRole("button", { name: "Save draft" }).click();
  await expect(rbft.locator(".nhsuk-inset-text[role=status]")).toHaveText("Draft saved: 14 scores changed.");
  const version = await versionOf(rbft);
  const expected = Object.fromEntries(domainCodes.map((c) => [c, c === "R1" ? "61" : String(baseline("RHW", c))]));

  const expectRhwDraftUnchanged = async () => {
    await rbft.goto(`/assessments/${rhwAssessmentId}`);
    for (const code of domainCodes) await expect(field(rbft, code), code).toHaveValue(expected[code]!);
    expect(await versionOf(rbft)).toBe(version);
    await expect(rbft.locator("main")).toContainText("last changed by Rachel Brook");
  };

  await test.step("the OUH CIO's view of Royal Berkshire has no Start button, no history and no draft", async () => {
    await ouh.goto(`/organisations/${rhwOrganisationId}`);
    await expect(ouh.getByRole("heading", { level: 1 })).toContainText("Royal Berkshire NHS Foundation Trust");
    await expect(ouh.getByRole("button", { name: "Start assessment" })).toHaveCount(0);
    await expect(ouh.getByTestId("history")).toHaveCount(0);
    const response = await ouh.goto(`/assessments/${rhwAssessmentId}`);
    expect(response?.status()).toBe(404);
    await expect(ouh.getByRole("textbox")).toHaveCount(0);
  });

  await test.step("a crafted PUT to the API finds no such draft (404, as the page), is recorded, and changes nothing", async () => {
    await ouh.goto("/maturity");
    const response = await ouh.request.put(`/api/v1/assessments/${rhwAssessmentId}/scores`, {
      data: { version, scores: Object.fromEntries(domainCodes.map((c) => [c, 50])) },
    });
    expect(response.status()).toBe(404);
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    expect(body.error?.code).toBe("not_found");
    expect(body.error?.message).toBe("That assessment was not found.");
    await expectRhwDraftUnchanged();
  });

  await test.step("a tampered form (another trust's assessment id) is refused and changes nothing", async () => {
    const admin = await pageAs("admin");
    const period = await openPrivatePeriod(admin, "SECURITY");
    await gotoOrganisation(ouh, "RTH");
    await startAssessment(ouh, period.name);
    await ouh.locator("input[name=assessmentId]").evaluate((input, id) => {
      (input as HTMLInputElement).value = id;
    }, rhwAssessmentId);
    await field(ouh, "R1").fill("10");
    await ouh.getByRole("button", { name: "Save draft" }).click();
    await expect(ouh.locator(".nhsuk-error-summary")).toContainText("You can only change assessments of your own organisation.");
    await expectRhwDraftUnchanged();
  });

  await test.step("an administrator sees both refusals in Royal Berkshire's change history", async () => {
    const admin = await pageAs("admin");
    await admin.goto(`/organisations/${rhwOrganisationId}`);
    const refusals = admin.getByTestId("history").locator("tbody tr").filter({ hasText: "Was refused: assessment.edit" });
    await expect(refusals).toHaveCount(2);
    for (const row of await refusals.all()) await expect(row).toContainText("Olu Adeyemi");
  });
});

test("signed out, the scores API answers 401 as JSON", async ({ request }) => {
  const response = await request.put("/api/v1/assessments/00000000-0000-4000-8000-000000000000/scores", {
    data: { version: 1, scores: { R1: 50 } },
  });
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { error?: { code?: string } };
  expect(body.error?.code).toBe("unauthenticated");
});
