import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { OPEN_PERIOD, openOrganisation, startAssessment } from "./support/app";
import { baseline, domainCodes, domainNames } from "./support/seed";

// Oxford University Hospitals (RTH) in Reassessment 2017 belongs to this spec alone.

const summary = (page: Page) => page.locator(".nhsuk-error-summary");
const field = (page: Page, domain: keyof typeof domainNames) => page.getByLabel(domainNames[domain], { exact: true });
const saveDraft = (page: Page) => page.getByRole("button", { name: "Save draft" }).click();
const statusTag = (page: Page) => page.locator("main p", { hasText: "Status:" }).locator(".nhsuk-tag");

test("a CIO scores, corrects, saves and submits; the board approves; the heatmap shows the approved scores", async ({ pageAs, newPageAs }) => {
  test.setTimeout(120_000);
  const cio = await pageAs("cioOuh");
  let organisationId = "";
  let assessmentId = "";

  await test.step("the CIO starts the Reassessment 2017 assessment from their organisation's page", async () => {
    organisationId = await openOrganisation(cio, "RTH");
    await expect(cio.getByRole("heading", { level: 1 })).toContainText("Oxford University Hospitals NHS Foundation Trust");
    await expect(cio.getByTestId("history")).toBeVisible();
    await expect(cio.getByLabel("Open assessment period").locator("option", { hasText: OPEN_PERIOD.name })).toHaveCount(1);
    assessmentId = await startAssessment(cio, OPEN_PERIOD.name);
    await expect(statusTag(cio)).toHaveText("Draft");
  });

  await test.step("the form has one box per domain, labelled by name, starting from the baseline scores", async () => {
    await expect(cio.locator(".nhsuk-inset-text")).toContainText("The boxes start with your Baseline Feb-16 scores");
    for (const code of domainCodes) {
      const input = field(cio, code);
      await expect(input, domainNames[code]).toHaveAttribute("id", `score-${code}`);
      await expect(input, domainNames[code]).toHaveValue(String(baseline("RTH", code)));
    }
    await expect(cio.getByRole("button", { name: "Save and submit for approval" })).toBeVisible();
  });

  await test.step("invalid scores are refused with a message in the summary and by the field; what was typed stays", async () => {
    const cases = [
      { typed: "abc", message: "Score for Leadership must be a number, like 65" },
      { typed: "150", message: "Score for Leadership must be from 0 to 100 (not 150)" },
      { typed: "", message: "Enter a score for Leadership" },
    ];
    for (const { typed, message } of cases) {
      await field(cio, "R2").fill(typed);
      await field(cio, "R3").fill("71"); // a valid change alongside: it must not be saved either
      await saveDraft(cio);
      await expect(summary(cio)).toBeVisible();
      await expect(summary(cio).getByRole("link", { name: message })).toHaveAttribute("href", "#score-R2");
      await expect(cio.locator("#score-R2-error")).toContainText(message);
      await expect(field(cio, "R2")).toHaveAttribute("aria-describedby", "score-R2-error");
      await expect(field(cio, "R2")).toHaveValue(typed);
      await expect(field(cio, "R3")).toHaveValue("71");
      await expect(cio).toHaveURL(new RegExp(`/assessments/${assessmentId}$`));
    }
    await cio.reload();
    await expect(summary(cio)).toHaveCount(0);
    await expect(field(cio, "R2")).toHaveValue(String(baseline("RTH", "R2")));
    await expect(field(cio, "R3")).toHaveValue(String(baseline("RTH", "R3")));
    // Nothing was saved: the history still only records that it was started.
    await expect(cio.getByTestId("history").locator("tbody tr")).toHaveCount(1);
  });

  await test.step("saving the draft stores every score and says how many changed", async () => {
    await field(cio, "R2").fill("97");
    await field(cio, "C5").fill("80 %"); // a trailing % is accepted
    await saveDraft(cio);
    await cio.waitForURL(/\?saved=/);
    await expect(cio.locator(".nhsuk-inset-text[role=status]")).toHaveText("Draft saved: 14 scores changed.");
    await expect(field(cio, "R2")).toHaveValue("97");
    await expect(field(cio, "C5")).toHaveValue("80");
    await expect(cio.locator("main")).toContainText("last changed by Olu Adeyemi");

    await field(cio, "R2").fill("96");
    await saveDraft(cio);
    await expect(cio.locator(".nhsuk-inset-text[role=status]")).toHaveText("Draft saved: 1 score changed.");
  });

  await test.step("a save made from a page opened before someone else's save is refused", async () => {
    await cio.goto(`/assessments/${assessmentId}`);
    const second = await newPageAs("cioOuh"); // the same CIO in a second browser
    await second.goto(`/assessments/${assessmentId}`);
    await expect(field(second, "R2")).toHaveValue("96");

    await field(cio, "R2").fill("98");
    await saveDraft(cio);
    await cio.waitForURL(/\?saved=1$/);
    await expect(cio.locator(".nhsuk-inset-text[role=status]")).toHaveText("Draft saved: 1 score changed.");

    await field(second, "R3").fill("72");
    await saveDraft(second);
    await expect(summary(second)).toContainText("after you opened it");
    await expect(summary(second)).toContainText("Your changes were not saved");
    await expect(field(second, "R3")).toHaveValue("72");

    await second.reload();
    await expect(field(second, "R2")).toHaveValue("98");
    await expect(field(second, "R3")).toHaveValue(String(baseline("RTH", "R3")));
  });

  await test.step("the CIO submits it for approval: it can no longer be edited", async () => {
    await cio.reload();
    await field(cio, "C4").fill("91");
    await cio.getByRole("button", { name: "Save and submit for approval" }).click();
    await cio.waitForURL(/\?submitted=1/);
    await expect(cio.locator(".nhsuk-inset-text[role=status]")).toContainText("Submitted for approval");
    await expect(statusTag(cio)).toHaveText("Submitted");
    await expect(cio.getByRole("textbox")).toHaveCount(0);
    await expect(cio.getByRole("button", { name: "Save draft" })).toHaveCount(0);
    await expect(cio.getByTestId("scores").locator("tr[data-domain=R2] td").first()).toHaveText("98%");
    await expect(cio.getByTestId("scores").locator("tr[data-domain=C4] td").first()).toHaveText("91%");
    // A CIO does not decide on their own assessment.
    await expect(cio.getByRole("heading", { name: "Decision" })).toHaveCount(0);
  });

  const board = await pageAs("board");

  await test.step("while it awaits approval the heatmap marks it", async () => {
    await board.goto(`/maturity?period=${OPEN_PERIOD.code}`);
    await expect(board.locator("tr[data-org=RTH] th")).toContainText("Awaiting approval");
  });

  await test.step("the board member must give a reason to return it", async () => {
    await board.goto(`/assessments/${assessmentId}`);
    await expect(board.getByRole("heading", { name: "Decision" })).toBeVisible();
    await expect(board.getByLabel(/Reason or comment/)).toBeVisible();
    await expect(board.getByRole("textbox")).toHaveCount(1); // the reason only: no score boxes
    await board.getByRole("button", { name: "Return for changes" }).click();
    await expect(summary(board)).toContainText("Enter the reason");
    await expect(board.locator("#reason-error")).toContainText("Enter the reason");
    await expect(statusTag(board)).toHaveText("Submitted");
  });

  await test.step("the board member approves it", async () => {
    await board.getByLabel(/Reason or comment/).fill("Checked against the 2017 submission.");
    await board.getByRole("button", { name: "Approve" }).click();
    await board.waitForURL(/\?decided=approve/);
    await expect(board.locator(".nhsuk-inset-text[role=status]")).toContainText("The assessment is approved");
    await expect(statusTag(board)).toHaveText("Approved");
    await expect(board.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(board.getByTestId("history")).toContainText("Approved the Reassessment 2017 assessment");
  });

  await test.step("the heatmap for Reassessment 2017 shows the approved scores", async () => {
    await board.goto("/maturity");
    await board.getByLabel("Assessment period").selectOption(OPEN_PERIOD.code);
    await board.getByRole("button", { name: "Show" }).click();
    await board.waitForURL((url) => url.searchParams.get("period") === OPEN_PERIOD.code);
    await expect(board.getByLabel("Assessment period").locator("option:checked")).toContainText(OPEN_PERIOD.name);
    const row = board.locator("tr[data-org=RTH]");
    await expect(row.locator("td[data-domain=R2]")).toHaveText(/^98%/);
    await expect(row.locator("td[data-domain=C4]")).toHaveText(/^91%/);
    await expect(row.locator("td[data-domain=C5]")).toHaveText(/^80%/);
    await expect(row.locator("td[data-domain=R3]")).toHaveText(new RegExp(`^${baseline("RTH", "R3")}%`));
    await expect(row.locator("th")).not.toContainText("Awaiting approval");
  });

  await test.step("the organisation's change history records the score changes", async () => {
    await cio.goto(`/organisations/${organisationId}`);
    const history = cio.getByTestId("history");
    await expect(history).toContainText("Changed Leadership (Reassessment 2017) from 97% to 96%");
    await expect(history).toContainText("Changed Leadership (Reassessment 2017) from 96% to 98%");
    await expect(history).toContainText("Submitted the Reassessment 2017 assessment for approval");
    await expect(history.getByRole("row", { name: /Approved the Reassessment 2017 assessment/ })).toContainText("Priya Shah");
  });
});
