import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";
import { actionFields, postForm } from "./support/server-actions";
import { expectNoAxeViolations } from "./support/axe";
import { accounts } from "./support/accounts";

// Workstreams and tollgate reviews. Each workstream belongs to one test, so that the tests
// do not depend on each other's order:
//   RECORDS        the full cycle (CCIO readies and requests, the board decides, the CCIO closes the condition);
//   CITIZEN        permissions: its lead's and the viewer's crafted requests, a review pending that the CCIO cannot decide
//                  (its pending review is also the board member's decision form for axe);
//   INTELLIGENCE   read-only: its lead is Dr Fatima Rahman, so the demo CCIO has no forms there and a tampered form is refused;
//   INFRASTRUCTURE axe on a lead's page with every form open (signed in as Dr Fatima Rahman), nothing saved;
//   IG             keyboard only: an administrator (it has no lead) updates a deliverable and the board decides "Rework".
// In the seed all five are in phase 1, Initiation, of the eight-phase lifecycle.

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

const RECORDS = "Records sharing for cross-organisational care";
const INTELLIGENCE = "Whole system intelligence";
const CITIZEN = "Citizen facing technology";
const INITIATION_OUTPUTS = ["Strategic imperatives", "Transformational scope", "Define strategic outcomes", "Outline strategic benefits", "Develop strategic business case"];
const VISIONING_OUTPUTS = ["Vision statement", "Future Operating Model", "Outline Business Case"];
const FATIMA = { email: "ccio.bw@demo.nhs.uk", name: "Dr Fatima Rahman" };
const JON = { email: "board.chair@demo.nhs.uk", name: "Jon Ellis" };
const EDIT_REFUSED = "Only the workstream's lead and administrators can change its objectives, requirements, deliverables and review date.";

type Status = "Not started" | "In progress" | "Ready" | "Not required";

/** Today in England, YYYY-MM-DD (what the app calls today). */
function londonToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

function addDays(iso: string, days: number): string {
  const at = new Date(`${iso}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** "2027-01-31" → "31 January 2027", as the pages print dates. */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

const workstreamIds = new Map<string, string>();

/** A workstream's id by code, read once per worker from the overview. */
async function workstreamId(page: Page, code: string): Promise<string> {
  if (workstreamIds.size === 0) {
    const response = await page.request.get("/workstreams");
    expect(response.status(), "GET /workstreams (signed in)").toBe(200);
    const html = await response.text();
    for (const match of html.matchAll(new RegExp(`data-workstream="([A-Z-]+)"[^]*?href="/workstreams/(${uuid})"`, "g"))) {
      if (match[1] && match[2]) workstreamIds.set(match[1], match[2]);
    }
  }
  const id = workstreamIds.get(code);
  if (!id) throw new Error(`No workstream ${code} on /workstreams`);
  return id;
}

async function gotoWorkstream(page: Page, code: string): Promise<string> {
  const id = await workstreamId(page, code);
  await page.goto(`/workstreams/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return id;
}

const deliverableRow = (page: Page, name: string) => page.getByTestId("deliverables").locator(`tr[data-deliverable="${name}"]`);
const deliverableStatus = (page: Page, name: string) => deliverableRow(page, name).getByTestId("deliverable-status");
const updateDetails = (page: Page, name: string) => page.locator("details").filter({ has: page.locator("summary", { hasText: `Update ${name}` }) });
const history = (page: Page) => page.getByTestId("history");
const overviewRow = (page: Page, code: string) => page.locator(`tr[data-workstream="${code}"]`);
/** Every form in the page's main content (the header's Sign out form is outside it). */
/** Forms that change something: a GET form (the system, a date) only chooses what to show. */
const mainForms = (page: Page) => page.locator("main form:not([method=get])");

/** Opens the "Update <deliverable>" details (if closed) and returns its form. */
async function openUpdate(page: Page, name: string): Promise<Locator> {
  const details = updateDetails(page, name);
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  const form = details.locator("form");
  await expect(form).toBeVisible();
  return form;
}

/** The lead's update of a deliverable through its form; checks the confirmation and the table. */
async function updateDeliverable(page: Page, name: string, status: Status, extra: { reason?: string; note?: string; evidence?: string } = {}) {
  const form = await openUpdate(page, name);
  await form.getByRole("radio", { name: status, exact: true }).check();
  if (extra.reason !== undefined) await form.getByLabel("Why it is not required").fill(extra.reason);
  if (extra.note !== undefined) await form.getByLabel("Note", { exact: true }).fill(extra.note);
  if (extra.evidence !== undefined) await form.getByLabel("Link to the evidence document").fill(extra.evidence);
  await form.getByRole("button", { name: `Save ${name}` }).click();
  await expect(updateDetails(page, name).getByRole("status")).toHaveText(`“${name}” saved: ${status.toLowerCase()}.`);
  await expect(deliverableStatus(page, name)).toHaveText(status === "Not required" ? `Not required: ${extra.reason ?? ""}` : status);
}

/** Readies every deliverable still outstanding, then requests the tollgate review (if not already pending). */
async function ensurePendingReview(page: Page, code: string): Promise<string> {
  const id = await gotoWorkstream(page, code);
  if ((await page.getByTestId("pending-review").count()) === 0) {
    for (const name of INITIATION_OUTPUTS) {
      const status = (await deliverableStatus(page, name).textContent()) ?? "";
      if (!/^(Ready|Not required)/.test(status)) await updateDeliverable(page, name, "Ready");
    }
    await page.getByRole("button", { name: "Request the tollgate review" }).click();
  }
  await expect(page.getByTestId("pending-review")).toBeVisible();
  return id;
}


/** The version hidden in a deliverable's update form (the optimistic lock). */
async function deliverableFormFields(page: Page, name: string): Promise<{ deliverableId: string; version: string }> {
  const form = await openUpdate(page, name);
  return {
    deliverableId: await form.locator("input[name=deliverableId]").inputValue(),
    version: await form.locator("input[name=version]").inputValue(),
  };
}

/** Presses Tab until the target has the focus. */
async function tabTo(page: Page, target: Locator, what: string, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${what} in ${max} presses`);
}

test.describe("workstreams and tollgate reviews", () => {
  test("the full cycle on Records sharing: deliverables readied, review requested, the board proceeds with a condition, the lead closes it", async ({ pageAs }) => {
    test.setTimeout(240_000);
    const ccio = await pageAs("ccio");
    const board = await pageAs("board");
    const today = londonToday();
    const plannedOn = addDays(today, 60);
    const conditionDue = addDays(today, 90);
    const notRequiredReason = "The scope is the STP's records-sharing scope, agreed in 2016.";
    const evidence = "https://future.nhs.uk/bob-digital/records/strategic-imperatives";
    const reasons = "The strategic case is sound; the benefits need owners before Visioning ends.";
    const condition = "Name an owner for each strategic benefit";
    const closureNote = "Owners named in the benefits register, version 2.";
    const objective = "Supports multi-disciplinary collaboration across care settings and sites.";
    const objectiveNote = "Pilot across two Oxfordshire sites.";
    let id = "";

    await test.step("the CCIO opens Records sharing from the overview: phase 1, every deliverable not started", async () => {
      await ccio.goto("/workstreams");
      const row = overviewRow(ccio, "RECORDS");
      await expect(row.getByTestId("phase")).toHaveText("Phase 1 of 8: Initiation");
      await expect(row).toContainText(accounts.ccio.name);
      await expect(row.getByTestId("open-conditions")).toHaveText("0");
      await row.getByRole("link", { name: RECORDS }).click();
      await ccio.waitForURL(new RegExp(`/workstreams/${uuid}$`));
      id = new URL(ccio.url()).pathname.split("/").at(-1)!;
      await expect(ccio.getByRole("heading", { level: 1 })).toHaveText(RECORDS);
      await expect(ccio.getByTestId("current-phase")).toContainText("Phase 1 of 8: Initiation");
      await expect(ccio.getByRole("heading", { level: 2, name: "Current phase: 1 Initiation" })).toBeVisible();
      await expect(ccio.getByTestId("deliverables").locator("tbody tr")).toHaveCount(INITIATION_OUTPUTS.length);
      for (const name of INITIATION_OUTPUTS) await expect(deliverableStatus(ccio, name), name).toHaveText("Not started");
      await expect(ccio.getByTestId("request-review")).toContainText("can be requested when every deliverable is ready or marked not required");
      await expect(ccio.getByRole("button", { name: "Request the tollgate review" })).toHaveCount(0);
      await expect(ccio.getByText("No tollgate review has been requested yet.")).toBeVisible();
    });

    await test.step("marking a deliverable not required without a reason is refused next to the field, and nothing is saved", async () => {
      const name = "Transformational scope";
      const form = await openUpdate(ccio, name);
      await form.getByRole("radio", { name: "Not required", exact: true }).check();
      await form.getByLabel("Note", { exact: true }).fill("Agreed at the June board.");
      await form.getByRole("button", { name: `Save ${name}` }).click();
      const refused = updateDetails(ccio, name).locator("form");
      await expect(refused.locator(".nhsuk-error-summary")).toContainText("Nothing was saved");
      const reason = refused.getByLabel("Why it is not required");
      const group = refused.locator(".nhsuk-form-group--error", { has: ccio.locator("textarea[name=reason]") });
      await expect(group.locator(".nhsuk-error-message")).toHaveText("Error: Say why this deliverable is not required");
      const describedBy = await reason.getAttribute("aria-describedby");
      expect(describedBy).toMatch(/-reason-error$/);
      await expect(ccio.locator(`[id="${describedBy}"]`)).toContainText("Say why this deliverable is not required");
      // What was typed stays.
      await expect(refused.getByRole("radio", { name: "Not required", exact: true })).toBeChecked();
      await expect(refused.getByLabel("Note", { exact: true })).toHaveValue("Agreed at the June board.");
      await expect(deliverableStatus(ccio, name)).toHaveText("Not started");
      await expectNoAxeViolations(ccio, "a workstream page (lead) with a deliverable's error shown");

      await ccio.reload();
      await expect(deliverableStatus(ccio, name)).toHaveText("Not started");
      await expect(deliverableRow(ccio, name)).not.toContainText("Agreed at the June board.");
      await expect(ccio.getByText("No changes have been recorded yet.")).toBeVisible();
    });

    await test.step("with a reason it is saved as not required", async () => {
      await updateDeliverable(ccio, "Transformational scope", "Not required", { reason: notRequiredReason, note: "Agreed at the June board." });
      await expect(deliverableRow(ccio, "Transformational scope")).toContainText("Agreed at the June board.");
    });

    await test.step("one deliverable is ready with a link to its evidence, the others ready", async () => {
      await updateDeliverable(ccio, "Strategic imperatives", "Ready", { note: "Signed off by the SRO.", evidence });
      const link = deliverableRow(ccio, "Strategic imperatives").getByRole("link", { name: "Evidence for Strategic imperatives" });
      await expect(link).toHaveAttribute("href", evidence);
      await expect(deliverableRow(ccio, "Strategic imperatives")).toContainText("Signed off by the SRO.");
      for (const name of ["Define strategic outcomes", "Outline strategic benefits"]) await updateDeliverable(ccio, name, "Ready");
      // One still outstanding: no request button yet.
      await expect(ccio.getByTestId("request-review")).toContainText("Still to do: Develop strategic business case.");
      await updateDeliverable(ccio, "Develop strategic business case", "In progress");
      await updateDeliverable(ccio, "Develop strategic business case", "Ready");
      await expect(ccio.getByRole("button", { name: "Request the tollgate review" })).toBeVisible();
    });

    await test.step("the CCIO plans the review date", async () => {
      await ccio.getByLabel("Planned tollgate review date").fill(plannedOn);
      await ccio.getByRole("button", { name: "Save review date" }).click();
      await expect(ccio.getByRole("status").filter({ hasText: "Tollgate review planned" })).toHaveText(`Tollgate review planned for ${plannedOn}.`);
      await expect(ccio.getByTestId("next-review")).toContainText(longDate(plannedOn));
    });

    await test.step("the CCIO updates a key objective's status and note", async () => {
      const row = ccio.getByTestId("key-objectives").locator("tbody tr").first();
      await expect(row).toContainText(objective);
      await expect(row.getByTestId("item-status")).toHaveText("Not started");
      await row.getByRole("combobox").selectOption({ label: "In progress" });
      await row.getByRole("textbox").fill(objectiveNote);
      await row.getByRole("button", { name: /^Save objective/ }).click();
      await expect(row.getByRole("status")).toHaveText("Saved: in progress.");
      await expect(row.getByTestId("item-status")).toHaveText("In progress");
      await ccio.reload();
      await expect(row.getByTestId("item-status")).toHaveText("In progress");
      await expect(row.getByRole("textbox")).toHaveValue(objectiveNote);
    });

    await test.step("the CCIO requests the tollgate review: the card shows and the deliverables are frozen", async () => {
      await ccio.getByRole("button", { name: "Request the tollgate review" }).click();
      await expect(ccio.getByRole("status").filter({ hasText: "Tollgate review requested" })).toBeVisible();
      const card = ccio.getByTestId("pending-review");
      await expect(card).toBeVisible();
      await expect(card.getByRole("heading")).toHaveText("Tollgate Review awaiting the board's decision");
      await expect(card).toContainText(`Requested on ${longDate(today)} by ${accounts.ccio.name}`);
      await expect(ccio.getByTestId("current-phase")).toContainText("Awaiting tollgate review");
      // The CCIO does not decide, and the deliverables can no longer be changed.
      await expect(ccio.getByTestId("decision-form")).toHaveCount(0);
      await expect(ccio.locator("details").filter({ hasText: "Update " })).toHaveCount(0);
      await expect(ccio.getByRole("button", { name: /^Save (Strategic|Transformational|Define|Outline|Develop)/ })).toHaveCount(0);
      await expect(ccio.getByRole("button", { name: "Request the tollgate review" })).toHaveCount(0);
      await expect(ccio.getByTestId("review")).toHaveCount(1);
      await expect(ccio.getByTestId("review")).toContainText("Awaiting decision");
    });

    await test.step("the overview shows the review awaiting the board: green, with the planned date", async () => {
      await ccio.goto("/workstreams");
      const row = overviewRow(ccio, "RECORDS");
      await expect(row.getByTestId("phase")).toHaveText("Phase 1 of 8: Initiation");
      await expect(row).toContainText("Awaiting tollgate review");
      await expect(row.locator("[data-rag]")).toHaveAttribute("data-rag", "green");
      await expect(row).toContainText("Deliverables complete; awaiting the board's decision.");
      await expect(row).toContainText(longDate(plannedOn));
    });

    await test.step("the board view lists the review awaiting a decision", async () => {
      await board.goto("/workstreams/board");
      const row = board.getByTestId("awaiting").getByRole("row").filter({ hasText: RECORDS });
      await expect(row).toContainText("Tollgate Review, phase 1 Initiation");
      await expect(row).toContainText(`${longDate(today)} by ${accounts.ccio.name}`);
      await expect(row).toContainText("4 ready, 1 not required");
      // The deliverables themselves are on the table, with their evidence.
      const listed = row.getByRole("list", { name: `Deliverables of ${RECORDS}` }).getByRole("listitem");
      await expect(listed).toHaveCount(5);
      await expect(row.getByRole("link", { name: /^Evidence/ }).first()).toHaveAttribute("href", /^https:\/\//);
      await row.getByRole("link", { name: RECORDS }).click();
      await board.waitForURL(new RegExp(`/workstreams/${id}#current-phase$`));
      await expect(board.getByTestId("decision-form")).toBeVisible();
    });

    const form = board.getByTestId("decision-form");
    const fillDecision = async () => {
      await form.getByLabel("Date of the board meeting").fill(today);
      await form.getByLabel(accounts.board.name, { exact: true }).check();
      await form.getByLabel(`Recommendation of ${accounts.board.name}`).selectOption({ label: "Proceed with conditions" });
      await form.getByLabel(JON.name, { exact: true }).check();
      await form.getByLabel(`Recommendation of ${JON.name}`).selectOption({ label: "Proceed" });
      await form.getByRole("radio", { name: "Proceed with conditions", exact: true }).check();
      await form.getByLabel("Reasons for the decision").fill(reasons);
    };

    await test.step("a half-filled condition row is refused next to its fields, and nothing is recorded", async () => {
      await expect(form.getByLabel("Date of the board meeting")).toHaveValue(today);
      expect(await form.getByRole("checkbox").count(), "a checkbox per board member").toBeGreaterThanOrEqual(2);
      await fillDecision();
      await form.getByLabel("Condition 1", { exact: true }).fill(condition);
      await form.getByRole("button", { name: "Record the decision" }).click();

      const refused = board.getByTestId("decision-form");
      await expect(refused.locator(".nhsuk-error-summary")).toContainText("Nothing was saved");
      await expect(board.locator('[id="conditions.0.owner-error"]')).toHaveText("Error: Name who owns the condition");
      await expect(board.locator('[id="conditions.0.dueOn-error"]')).toContainText("Enter the date the condition is due");
      await expect(refused.getByLabel("Owner of condition 1")).toHaveAttribute("aria-describedby", "conditions.0.owner-error");
      await expect(refused.locator(".nhsuk-error-summary").getByRole("link", { name: "Name who owns the condition" })).toHaveAttribute("href", "#conditions.0.owner");
      // What was typed stays, ticks included.
      await expect(refused.getByLabel("Condition 1", { exact: true })).toHaveValue(condition);
      await expect(refused.getByLabel(accounts.board.name, { exact: true })).toBeChecked();
      await expect(refused.getByLabel(JON.name, { exact: true })).toBeChecked();
      await expect(refused.getByLabel(`Recommendation of ${JON.name}`)).toHaveValue("proceed");
      await expect(refused.getByRole("radio", { name: "Proceed with conditions", exact: true })).toBeChecked();
      await expect(refused.getByLabel("Reasons for the decision")).toHaveValue(reasons);
      await expectNoAxeViolations(board, "a workstream page (board) with the decision form's errors shown");

      // Nothing recorded: the lead still sees the review pending and no decision in the history.
      await ccio.goto(`/workstreams/${id}`);
      await expect(ccio.getByTestId("pending-review")).toBeVisible();
      await expect(ccio.getByTestId("current-phase")).toContainText("Phase 1 of 8: Initiation");
      await expect(history(ccio)).not.toContainText("Recorded the board's decision");
    });

    await test.step("the board member completes the condition and records the decision: phase 2, Visioning", async () => {
      await form.getByLabel("Owner of condition 1").fill(accounts.ccio.name);
      await form.getByLabel("Due date of condition 1").fill(conditionDue);
      await form.getByRole("button", { name: "Record the decision" }).click();
      await expect(board.getByRole("status").filter({ hasText: "Decision recorded" })).toHaveText(
        /^Decision recorded: proceed with conditions\. The workstream is in phase 2\b/,
      );
    });

    await test.step("the workstream page shows phase 2 with Visioning's outputs as its deliverables", async () => {
      await board.goto(`/workstreams/${id}`);
      await expect(board.getByTestId("current-phase")).toContainText("Phase 2 of 8: Visioning");
      await expect(board.getByTestId("current-phase")).toContainText("In phase");
      await expect(board.getByRole("heading", { level: 2, name: "Current phase: 2 Visioning" })).toBeVisible();
      await expect(board.getByTestId("pending-review")).toHaveCount(0);
      await expect(board.getByTestId("decision-form")).toHaveCount(0);
      const rows = board.getByTestId("deliverables").locator("tbody tr");
      await expect(rows).toHaveCount(VISIONING_OUTPUTS.length);
      for (const name of VISIONING_OUTPUTS) await expect(deliverableStatus(board, name), name).toHaveText("Not started");
      const strip = board.getByRole("list", { name: `STP digital work-stream lifecycle: where ${RECORDS} stands` });
      await expect(strip.locator("li").nth(0)).toHaveAttribute("data-state", "done");
      await expect(strip.locator("li").nth(1)).toHaveAttribute("data-state", "current");
      await expect(strip.locator("li").nth(2)).toHaveAttribute("data-state", "to come");
    });

    await test.step("the overview shows Records sharing in phase 2 with one open condition", async () => {
      await board.goto("/workstreams");
      const row = overviewRow(board, "RECORDS");
      await expect(row.getByTestId("phase")).toHaveText("Phase 2 of 8: Visioning");
      await expect(row.getByTestId("open-conditions")).toHaveText("1");
      // The planned date was for phase 1's review: phase 2 has none yet, so it is amber.
      await expect(row.locator("[data-rag]")).toHaveAttribute("data-rag", "amber");
      await expect(row).toContainText("No tollgate review date set.");
      await expect(row.locator("td").nth(3)).toHaveText("Not set");
      const strip = row.getByRole("list", { name: `${RECORDS} lifecycle` });
      await expect(strip.locator("li")).toHaveCount(8);
      await expect(strip.locator("li").nth(0)).toContainText("Initiation: passed");
      await expect(strip.locator("li").nth(1)).toContainText("Visioning: current phase");
      // The review date was for phase 1's review; others are untouched.
      await expect(overviewRow(board, "INTELLIGENCE").getByTestId("phase")).toHaveText("Phase 1 of 8: Initiation");
    });

    await test.step("the board view lists the condition and the decision with its reasons", async () => {
      await board.goto("/workstreams/board");
      await expect(board.getByTestId("awaiting").getByRole("row").filter({ hasText: RECORDS })).toHaveCount(0);
      const conditionRow = board.getByTestId("board-conditions").getByRole("row").filter({ hasText: condition });
      await expect(conditionRow.getByRole("link", { name: RECORDS })).toBeVisible();
      await expect(conditionRow).toContainText(`(set at the phase 1 review on ${longDate(today)})`);
      await expect(conditionRow).toContainText(accounts.ccio.name);
      await expect(conditionRow).toContainText(longDate(conditionDue));
      await expect(conditionRow).toContainText("Open");
      const decided = board.getByRole("region", { name: `Tollgate Review, phase 1 Initiation, ${RECORDS}` });
      await expect(decided.locator("[data-decision]")).toHaveText("Proceed with conditions");
      await expect(decided.getByTestId("reasons")).toHaveText(reasons);
      await expect(decided).toContainText(`${condition} (${accounts.ccio.name}, due ${longDate(conditionDue)}): open`);

      // Printing: the button opens the print dialogue; the print stylesheet leaves out the form.
      await board.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed += 1;
        };
      });
      await board.getByRole("button", { name: "Print the board view" }).click();
      expect(await board.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await board.emulateMedia({ media: "print" });
      await expect(board.getByLabel("Show decisions made since")).toBeHidden();
      await expect(board.getByRole("button", { name: "Print the board view" })).toBeHidden();
      await expect(board.getByText(`Printed ${longDate(today)}.`)).toBeVisible();
      await expect(board.getByTestId("board-conditions")).toBeVisible();
      await board.emulateMedia({ media: null });
    });

    await test.step("the workstream's review history shows the decision, members present, recommendations and reasons", async () => {
      await ccio.goto(`/workstreams/${id}`);
      const review = ccio.getByRole("region", { name: "Tollgate Review, phase 1 Initiation" });
      await expect(review.locator("[data-decision]")).toHaveText("Proceed with conditions");
      await expect(review).toContainText(`${longDate(today)} by ${accounts.ccio.name}`);
      await expect(review).toContainText(`${longDate(today)}; recorded by ${accounts.board.name}`);
      await expect(review.getByRole("listitem").filter({ hasText: accounts.board.name })).toHaveText(`${accounts.board.name}: recommended proceed with conditions`);
      await expect(review.getByRole("listitem").filter({ hasText: JON.name })).toHaveText(`${JON.name}: recommended proceed`);
      await expect(review.getByTestId("reasons")).toHaveText(reasons);
      await expect(review).toContainText(`${condition} (${accounts.ccio.name}, due ${longDate(conditionDue)}): open`);
    });

    await test.step("the change history lists each step", async () => {
      const rows = history(ccio).locator("tbody tr");
      const expectRow = async (text: string, who: string) => {
        const row = rows.filter({ hasText: text });
        await expect(row, text).toHaveCount(1);
        await expect(row, text).toContainText(who);
      };
      await expectRow(`Updated the deliverable “Transformational scope” (phase 1): not started → not required, “${notRequiredReason}”`, accounts.ccio.name);
      await expectRow("Updated the deliverable “Strategic imperatives” (phase 1): not started → ready", accounts.ccio.name);
      await expectRow("Updated the deliverable “Develop strategic business case” (phase 1): in progress → ready", accounts.ccio.name);
      await expectRow(`Planned the tollgate review for ${plannedOn}`, accounts.ccio.name);
      await expectRow(`Updated the objective “${objective}”: not started → in progress (note: “${objectiveNote}”)`, accounts.ccio.name);
      await expectRow("Requested the tollgate review of Phase 1 Initiation", accounts.ccio.name);
      await expectRow(`Recorded the board's decision on Phase 1 Initiation: proceed with conditions, “${reasons}”`, accounts.board.name);
      // Five deliverables (one changed twice), the date, the objective, the request and the decision; newest first.
      await expect(rows).toHaveCount(10);
      await expect(rows.first()).toContainText("Recorded the board's decision");
    });

    await test.step("the CCIO closes the condition with a note: no open conditions are left", async () => {
      const conditions = ccio.getByTestId("conditions");
      // The condition is in the button's and the box's names (visually hidden; Chromium puts a space before the colon).
      const closeButton = new RegExp(`^Close condition\\s*: ${condition}$`);
      const row = conditions.getByRole("row").filter({ hasText: condition });
      await expect(row).toContainText(longDate(conditionDue));
      // Without a note it is refused.
      await row.getByRole("button", { name: closeButton }).click();
      await expect(conditions.locator(".nhsuk-error-message")).toContainText("Say how the condition was met");
      await expect(conditions.getByRole("row").filter({ hasText: condition })).toHaveCount(1);

      await conditions.getByLabel(new RegExp(`^How it was met\\s*: ${condition}$`)).fill(closureNote);
      await conditions.getByRole("button", { name: closeButton }).click();
      await expect(ccio.getByTestId("conditions")).toHaveCount(0);
      await expect(ccio.getByText("No open conditions.")).toBeVisible();
      await expect(ccio.getByTestId("confirmation")).toHaveText("Condition closed.");
      const review = ccio.getByRole("region", { name: "Tollgate Review, phase 1 Initiation" });
      await expect(review).toContainText(
        `${condition} (${accounts.ccio.name}, due ${longDate(conditionDue)}): closed on ${longDate(londonToday())} by ${accounts.ccio.name}: “${closureNote}”`,
      );
      await expect(history(ccio).locator("tbody tr").first()).toContainText(`Closed the condition “${condition}”: “${closureNote}”`);

      await ccio.goto("/workstreams");
      await expect(overviewRow(ccio, "RECORDS").getByTestId("open-conditions")).toHaveText("0");
      await ccio.goto("/workstreams/board");
      await expect(ccio.getByTestId("board-conditions").getByRole("row").filter({ hasText: condition })).toHaveCount(0);
    });
  });

  test("only the lead changes a workstream and only the board decides: no forms for others, crafted and tampered requests refused", async ({ pageAs }) => {
    test.setTimeout(180_000);
    const viewer = await pageAs("viewer");
    const ccio = await pageAs("ccio");
    const admin = await pageAs("admin");
    const board = await pageAs("board");
    const citizenId = await workstreamId(ccio, "CITIZEN");

    await test.step("a viewer sees every workstream page but no form or button to change anything", async () => {
      await viewer.goto("/workstreams");
      await expect(viewer.getByTestId("workstreams").locator("tbody tr")).toHaveCount(5);
      await expect(mainForms(viewer)).toHaveCount(0);
      for (const code of ["RECORDS", "CITIZEN", "INTELLIGENCE"]) {
        await gotoWorkstream(viewer, code);
        await expect(viewer.getByTestId("deliverables"), code).toBeVisible();
        await expect(viewer.getByTestId("key-objectives"), code).toBeVisible();
        await expect(mainForms(viewer), code).toHaveCount(0);
        await expect(viewer.locator("details").filter({ hasText: "Update " }), code).toHaveCount(0);
        await expect(viewer.locator("main").getByRole("button"), code).toHaveCount(0);
        await expect(viewer.locator("main input, main textarea, main select"), code).toHaveCount(0);
      }
      await viewer.goto("/workstreams/board");
      // Only the date filter (a GET form) and the print button.
      await expect(viewer.locator("main").getByRole("button")).toHaveText(["Show", "Print the board view"]);
      await expect(viewer.locator("main form[method=get]")).toHaveCount(1);
      await expect(mainForms(viewer)).toHaveCount(0);
      await viewer.goto("/workstreams/alignment");
      await expect(viewer.getByTestId("alignment").locator("tbody tr")).toHaveCount(5);
      await expect(mainForms(viewer)).toHaveCount(0);
    });

    await test.step("the demo CCIO sees no forms on a workstream led by someone else", async () => {
      await gotoWorkstream(ccio, "INTELLIGENCE");
      await expect(ccio.getByRole("heading", { level: 1 })).toHaveText(INTELLIGENCE);
      await expect(ccio.locator("main")).toContainText(FATIMA.name);
      await expect(mainForms(ccio)).toHaveCount(0);
      await expect(ccio.locator("main").getByRole("button")).toHaveCount(0);
      await expect(ccio.getByTestId("request-review")).toHaveCount(0);
      // While on the workstream the CCIO leads, there are.
      await gotoWorkstream(ccio, "CITIZEN");
      await expect(ccio.getByRole("heading", { level: 1 })).toHaveText(CITIZEN);
      await expect(ccio.getByRole("button", { name: "Save Strategic imperatives", includeHidden: true })).toBeAttached(); // in a closed details
      await expect(updateDetails(ccio, "Strategic imperatives").locator("summary")).toBeVisible();
      await expect(ccio.getByRole("button", { name: "Save review date" })).toBeVisible();
    });

    await test.step("a tampered form (another workstream's deliverable) is refused and changes nothing", async () => {
      await gotoWorkstream(admin, "INTELLIGENCE");
      const target = await deliverableFormFields(admin, "Strategic imperatives");
      await gotoWorkstream(ccio, "CITIZEN");
      const form = await openUpdate(ccio, "Strategic imperatives");
      await form.locator("input[name=deliverableId]").evaluate((input, value) => {
        (input as HTMLInputElement).value = value;
      }, target.deliverableId);
      await form.locator("input[name=version]").evaluate((input, value) => {
        (input as HTMLInputElement).value = value;
      }, target.version);
      await form.getByRole("radio", { name: "Ready", exact: true }).check();
      await form.getByRole("button", { name: "Save Strategic imperatives" }).click();
      await expect(updateDetails(ccio, "Strategic imperatives").locator(".nhsuk-error-summary")).toContainText(EDIT_REFUSED);

      await gotoWorkstream(admin, "INTELLIGENCE");
      await expect(deliverableStatus(admin, "Strategic imperatives")).toHaveText("Not started");
      const refusal = history(admin).locator("tbody tr").filter({ hasText: "Was refused: workstream.edit" });
      await expect(refusal).toHaveCount(1);
      await expect(refusal).toContainText(accounts.ccio.name);
      // Citizen's own deliverable was not touched either.
      await gotoWorkstream(ccio, "CITIZEN");
      await expect(deliverableStatus(ccio, "Strategic imperatives")).toHaveText("Not started");
    });

    await test.step("a crafted server-action POST works for the lead but changes nothing for a viewer", async () => {
      const path = `/workstreams/${citizenId}`;
      await gotoWorkstream(ccio, "CITIZEN");
      const { deliverableId } = await deliverableFormFields(ccio, "Define strategic outcomes");
      const action = await actionFields(ccio, path, `name="deliverableId" value="${deliverableId}"`);
      const versionNow = async () => {
        await ccio.goto(path);
        return (await deliverableFormFields(ccio, "Define strategic outcomes")).version;
      };
      const crafted = (status: string, note: string, version: string) => ({ ...action, deliverableId, version, status, reason: "", note, evidenceUrl: "" });

      // The same request as the lead's browser would send without JavaScript: it is applied.
      await postForm(ccio, path, crafted("in_progress", "Sent without JavaScript.", await versionNow()));
      await ccio.goto(path);
      await expect(deliverableStatus(ccio, "Define strategic outcomes")).toHaveText("In progress");
      await expect(deliverableRow(ccio, "Define strategic outcomes")).toContainText("Sent without JavaScript.");

      // From the viewer's session, with the current version: refused, nothing changes.
      const version = await versionNow();
      await postForm(viewer, path, crafted("ready", "Changed by a viewer.", version));
      expect(await versionNow()).toBe(version);
      await expect(deliverableStatus(ccio, "Define strategic outcomes")).toHaveText("In progress");
      await expect(deliverableRow(ccio, "Define strategic outcomes")).not.toContainText("Changed by a viewer.");

      await admin.goto(path);
      const refusal = history(admin).locator("tbody tr").filter({ hasText: "Was refused: workstream.edit" });
      await expect(refusal).toHaveCount(1);
      await expect(refusal).toContainText(accounts.viewer.name);
    });

    await test.step("the CCIO requests Citizen's review but sees no decision form; a crafted decision is refused", async () => {
      await ensurePendingReview(ccio, "CITIZEN");
      await expect(ccio.getByTestId("decision-form")).toHaveCount(0);
      await expect(ccio.getByRole("button", { name: "Record the decision" })).toHaveCount(0);
      await expect(ccio.getByLabel("Reasons for the decision")).toHaveCount(0);
      // Nor does an administrator decide.
      await gotoWorkstream(admin, "CITIZEN");
      await expect(admin.getByTestId("pending-review")).toBeVisible();
      await expect(admin.getByTestId("decision-form")).toHaveCount(0);

      // The board member's form, replayed from the CCIO's session.
      const path = `/workstreams/${citizenId}`;
      await gotoWorkstream(board, "CITIZEN");
      const form = board.getByTestId("decision-form");
      await expect(form).toBeVisible();
      const reviewId = await form.locator("input[name=reviewId]").inputValue();
      const priyaId = await form.getByLabel(accounts.board.name, { exact: true }).getAttribute("value");
      const action = await actionFields(board, path, `name="reviewId" value="${reviewId}"`);
      await postForm(ccio, path, {
        ...action,
        reviewId,
        heldOn: londonToday(),
        attendees: priyaId!,
        [`recommendation.${priyaId}`]: "proceed",
        decision: "proceed",
        reasons: "Decided by the lead.",
      });
      await gotoWorkstream(ccio, "CITIZEN");
      await expect(ccio.getByTestId("pending-review")).toBeVisible();
      await expect(ccio.getByTestId("current-phase")).toContainText("Phase 1 of 8: Initiation");
      await expect(ccio.getByTestId("review")).toContainText("Awaiting decision");
      await admin.goto(path);
      const refusal = history(admin).locator("tbody tr").filter({ hasText: "Was refused: tollgate.decide" });
      await expect(refusal).toHaveCount(1);
      await expect(refusal).toContainText(accounts.ccio.name);
      await expect(history(admin)).not.toContainText("Recorded the board's decision");
    });
  });

  test.describe("accessibility (axe-core)", () => {
    for (const { path, what } of [
      { path: "/workstreams", what: "the workstreams overview" },
      { path: "/workstreams/board", what: "the board view" },
      { path: "/workstreams/alignment", what: "the alignment matrix" },
    ]) {
      test(`${path}`, async ({ pageAs }) => {
        const page = await pageAs("board");
        await page.goto(path);
        await expectNoAxeViolations(page, what);
      });
    }

    test("the board view with an invalid date", async ({ pageAs }) => {
      const page = await pageAs("viewer");
      await page.goto("/workstreams/board?since=2099-13-01");
      await expect(page.locator("#since-error")).toContainText("Enter a date no later than today");
      await expectNoAxeViolations(page, "the board view with a date error");
    });

    test("a workstream page as its lead, with every update form open", async ({ anonymousPage }) => {
      // Dr Fatima Rahman leads Infrastructure; she is not one of the fixtures' roles.
      const page = await anonymousPage();
      await page.goto("/login");
      await signIn(page, FATIMA.email);
      await page.waitForURL((url) => url.pathname === "/maturity");
      await gotoWorkstream(page, "INFRASTRUCTURE");
      for (const name of INITIATION_OUTPUTS) await openUpdate(page, name);
      await expect(page.getByRole("button", { name: /^Save / })).not.toHaveCount(0);
      await expect(page.getByRole("button", { name: "Save review date" })).toBeVisible();
      await expect(page.getByTestId("key-objectives").getByRole("combobox").first()).toBeVisible();
      await expectNoAxeViolations(page, "a workstream page (lead, forms open)");
    });

    test("a workstream page as a board member, with the decision form", async ({ pageAs }) => {
      await ensurePendingReview(await pageAs("ccio"), "CITIZEN");
      const page = await pageAs("board");
      await gotoWorkstream(page, "CITIZEN");
      await expect(page.getByTestId("decision-form")).toBeVisible();
      await expectNoAxeViolations(page, "a workstream page (board member, decision form)");
    });

    test("a workstream page as a viewer", async ({ pageAs }) => {
      const page = await pageAs("viewer");
      await gotoWorkstream(page, "INTELLIGENCE");
      await expect(page.getByTestId("history")).toHaveCount(0); // nothing has changed on Intelligence for a viewer to see
      await expectNoAxeViolations(page, "a workstream page (viewer)");
    });
  });

  test("keyboard only: an administrator updates a deliverable, and a board member records a decision", async ({ pageAs }) => {
    test.setTimeout(180_000);
    const admin = await pageAs("admin");
    const board = await pageAs("board");
    const id = await gotoWorkstream(admin, "IG");
    const reasons = "The legal basis for sharing needs rework with the Caldicott guardians.";

    await test.step("a deliverable: Tab to its Update summary, Enter, arrow keys to Ready, type a note, Space on Save", async () => {
      const summary = updateDetails(admin, "Strategic imperatives").locator("summary");
      await tabTo(admin, summary, "the Update Strategic imperatives summary");
      await admin.keyboard.press("Enter");
      const form = updateDetails(admin, "Strategic imperatives").locator("form");
      await expect(form).toBeVisible();
      await admin.keyboard.press("Tab");
      const notStarted = form.getByRole("radio", { name: "Not started", exact: true });
      await expect(notStarted).toBeFocused(); // Tab enters the radio group at the checked radio
      await admin.keyboard.press("ArrowRight");
      await admin.keyboard.press("ArrowRight");
      await expect(form.getByRole("radio", { name: "Ready", exact: true })).toBeChecked();
      await tabTo(admin, form.getByLabel("Note", { exact: true }), "the Note box");
      await admin.keyboard.type("Typed at the keyboard.");
      await tabTo(admin, form.getByRole("button", { name: "Save Strategic imperatives" }), "the Save button");
      await admin.keyboard.press("Space");
      await expect(updateDetails(admin, "Strategic imperatives").getByRole("status")).toHaveText("“Strategic imperatives” saved: ready.");
      await expect(deliverableStatus(admin, "Strategic imperatives")).toHaveText("Ready");
      await expect(deliverableRow(admin, "Strategic imperatives")).toContainText("Typed at the keyboard.");
    });

    await test.step("the administrator readies the rest and requests the review", async () => {
      await ensurePendingReview(admin, "IG");
      await expect(admin.getByTestId("pending-review")).toContainText(`by ${accounts.admin.name}`);
    });

    await test.step("the board member fills in and sends the decision form with the keyboard alone", async () => {
      await board.goto(`/workstreams/${id}`);
      const form = board.getByTestId("decision-form");
      await expect(form).toBeVisible();
      await tabTo(board, form.getByLabel("Date of the board meeting"), "the meeting date");
      await expect(form.getByLabel("Date of the board meeting")).toHaveValue(londonToday());

      const priya = form.getByLabel(accounts.board.name, { exact: true });
      await tabTo(board, priya, `${accounts.board.name}'s checkbox`);
      await board.keyboard.press("Space");
      await expect(priya).toBeChecked();
      await board.keyboard.press("Tab");
      const priyaRecommends = form.getByLabel(`Recommendation of ${accounts.board.name}`);
      await expect(priyaRecommends).toBeFocused();
      await board.keyboard.type("Rework"); // type-ahead picks the option
      await expect(priyaRecommends).toHaveValue("rework");

      const jon = form.getByLabel(JON.name, { exact: true });
      await tabTo(board, jon, `${JON.name}'s checkbox`);
      await board.keyboard.press("Space");
      await expect(jon).toBeChecked();
      await board.keyboard.press("Tab");
      const jonRecommends = form.getByLabel(`Recommendation of ${JON.name}`);
      await expect(jonRecommends).toBeFocused();
      await board.keyboard.type("Stop");
      await expect(jonRecommends).toHaveValue("stop");

      // Tab enters the decision radios at the first; the arrow keys move and choose.
      await tabTo(board, form.getByRole("radio", { name: "Proceed", exact: true }), "the first decision radio");
      await board.keyboard.press("ArrowDown");
      await board.keyboard.press("ArrowDown");
      await expect(form.getByRole("radio", { name: "Rework", exact: true })).toBeChecked();
      await board.keyboard.press("Tab");
      await expect(form.getByLabel("Reasons for the decision")).toBeFocused();
      await board.keyboard.type(reasons);

      await tabTo(board, form.getByRole("button", { name: "Record the decision" }), "the Record the decision button");
      await board.keyboard.press("Enter");
      await expect(board.getByTestId("pending-review")).toHaveCount(0);
    });

    await test.step("rework: the workstream stays in phase 1, amber, with the decision on record", async () => {
      await board.goto(`/workstreams/${id}`);
      await expect(board.getByTestId("current-phase")).toContainText("Phase 1 of 8: Initiation");
      await expect(board.getByTestId("current-phase")).toContainText("In phase");
      await expect(board.locator("main")).toContainText("The board asked for rework at the last review.");
      const review = board.getByRole("region", { name: "Tollgate Review, phase 1 Initiation" });
      await expect(review.locator("[data-decision]")).toHaveText("Rework");
      await expect(review.getByTestId("reasons")).toHaveText(reasons);
      await expect(review.getByRole("listitem").filter({ hasText: accounts.board.name })).toHaveText(`${accounts.board.name}: recommended rework`);
      await expect(review.getByRole("listitem").filter({ hasText: JON.name })).toHaveText(`${JON.name}: recommended stop`);
      await expect(board.getByTestId("conditions")).toHaveCount(0);
    });
  });
});
