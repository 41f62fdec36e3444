import type { Locator, Page } from "@playwright/test";
import { projects as seedProjects } from "../../db/seed/bob-portfolio";
import { expect, test } from "./support/fixtures";
import { actionFields, postForm } from "./support/server-actions";
import { expectNoAxeViolations } from "./support/axe";
import { accounts } from "./support/accounts";
import { organisationId, uniqueSuffix } from "./support/app";

// Projects: adding and changing them, and what the capability plan and the universal
// capability matrix make of them. The seed's cards carry no UC marks, so UC 5 is "Nothing
// planned" everywhere until the first test adds a project that enables it. Only that test
// adds a project (and only one): the others are refused and must add nothing.
//   1. the CIO of OUH adds a project enabling UC 5 (field errors first), then delivers it;
//   2. the CIO of Royal Berkshire cannot change an OUH project (a seeded "Horton" card, so the
//      test does not depend on the first): no form, a crafted POST and a tampered form are
//      refused; a viewer has no "Add a project" and gets the 403 page;
//   3. a red RAG without a reason is refused next to the reason field.

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const OUH = "Oxford University Hospitals NHS Foundation Trust";
const RBFT = "Royal Berkshire NHS Foundation Trust";
const UC5 = "UC 5: Timely electronic discharge summaries to GPs";
const DOMAIN = { code: "C5", label: "Decision Support (Digital Maturity Index)" };
const PRIORITY = "Records sharing, care planning";
const REFUSED = "You can add and change projects only where one of your own organisations is an owner.";
const NOTHING_SAVED = "Nothing was saved: correct the answers marked below.";

const projectForm = (page: Page) => page.getByTestId("project-form");
const history = (page: Page) => page.getByTestId("history");
const ucCell = (page: Page, uc: number, column: string) => page.getByTestId("uc-matrix").locator(`tr[data-uc="${uc}"] td[data-column="${column}"]`);

/** The error message shown next to a field (inside its form group), and the field pointing at it. */
async function expectFieldError(form: Locator, field: string, message: string) {
  const group = form.locator(".nhsuk-form-group--error", { has: form.page().locator(`[name="${field}"]`) });
  await expect(group.locator(".nhsuk-error-message")).toHaveText(`Error: ${message}`);
  await expect(group.locator(`#${field}-error`)).toContainText(message);
  expect(await form.locator(`#${field}`).getAttribute("aria-describedby")).toContain(`${field}-error`);
  // The error summary links to it.
  await expect(form.locator(".nhsuk-error-summary").getByRole("link", { name: message })).toHaveAttribute("href", `#${field}`);
}

/** "130 of 130 projects shown." → 130: every project in the plan, whoever owns it. */
async function planTotal(page: Page): Promise<number> {
  await page.goto("/portfolio/plan");
  const text = (await page.getByTestId("plan-summary").textContent()) ?? "";
  const match = /^(\d+) of (\d+) projects shown/.exec(text.trim());
  expect(match, `plan summary: ${text}`).not.toBeNull();
  expect(match![1]).toBe(match![2]);
  return Number(match![2]);
}

interface ProjectValues {
  title: string;
  description?: string;
  fromYear: string;
  toYear: string;
  startOn?: string;
  endOn?: string;
  status: "Planned" | "In flight" | "Delivered" | "Paused" | "Stopped";
  rag?: "Red" | "Amber" | "Green";
  ragReason?: string;
  ucs?: Record<string, "E" | "S">;
}

/** Fills in the project form (owners as they are: the user's own organisations are pre-ticked). */
async function fillProject(form: Locator, v: ProjectValues) {
  await form.getByLabel("Title", { exact: true }).fill(v.title);
  if (v.description !== undefined) await form.getByLabel("Description", { exact: true }).fill(v.description);
  await form.getByLabel("Maturity domain it raises").selectOption({ label: DOMAIN.label });
  await form.getByLabel("STP digital priority it serves").selectOption({ label: PRIORITY });
  await form.getByLabel("First financial year").fill(v.fromYear);
  await form.getByLabel("Last financial year").fill(v.toYear);
  if (v.startOn !== undefined) await form.getByLabel("Start date (optional)").fill(v.startOn);
  if (v.endOn !== undefined) await form.getByLabel("End date (optional)").fill(v.endOn);
  await form.getByLabel("Status", { exact: true }).selectOption({ label: v.status });
  if (v.rag) await form.getByLabel("RAG", { exact: true }).selectOption({ label: v.rag });
  if (v.ragReason !== undefined) await form.getByLabel("Reason for the RAG (needed for red or amber)").fill(v.ragReason);
  for (const [label, role] of Object.entries(v.ucs ?? {})) await form.getByLabel(label, { exact: true }).selectOption(role);
}

test.describe("projects", () => {
  test("the CIO of OUH adds a project enabling UC 5: errors first, then the plan and the matrix show it; delivering it delivers UC 5 in Oxfordshire", async ({ pageAs }) => {
    test.setTimeout(180_000);
    const cio = await pageAs("cioOuh");
    const title = `E2E discharge summaries to GPs ${uniqueSuffix()}`;
    const description = "Electronic discharge summaries from the John Radcliffe to every Oxfordshire practice within 24 hours.";
    const ragReason = "The GP system interface is late.";
    let projectId = "";
    let projectPath = "";
    let before = 0;

    await test.step("the plan offers the CIO an Add a project button, which opens the form with OUH ticked as owner", async () => {
      before = await planTotal(cio);
      await cio.getByRole("link", { name: "Add a project" }).click();
      await cio.waitForURL(/\/portfolio\/projects\/new$/);
      await expect(cio.getByRole("heading", { level: 1 })).toHaveText("Add a project");
      const form = projectForm(cio);
      await expect(form.getByRole("checkbox", { name: OUH, exact: true })).toBeChecked();
      await expect(form.getByRole("checkbox", { name: RBFT, exact: true })).not.toBeChecked();
      await expect(form.getByLabel(UC5, { exact: true })).toHaveValue("");
      await expect(form.getByLabel("Status", { exact: true })).toHaveValue("planned");
    });

    await test.step("no title and the last year before the first: errors next to those fields, what was typed stays, nothing is added", async () => {
      const form = projectForm(cio);
      await fillProject(form, {
        title: "",
        description,
        fromYear: "2017/18",
        toYear: "2016/17",
        startOn: "2016-06-01",
        endOn: "2017-03-31",
        status: "In flight",
        rag: "Amber",
        ragReason,
        ucs: { [UC5]: "E" },
      });
      await form.getByRole("button", { name: "Add project" }).click();
      await expect(form.locator(".nhsuk-error-summary")).toContainText(NOTHING_SAVED);
      await expectFieldError(form, "title", "Enter the project's title");
      await expectFieldError(form, "toYear", "The last financial year cannot be before the first");
      // Only those two fields are marked.
      await expect(form.locator(".nhsuk-form-group--error")).toHaveCount(2);
      await expect(cio).toHaveURL(/\/portfolio\/projects\/new$/);
      // What was typed stays.
      await expect(form.getByLabel("Title", { exact: true })).toHaveValue("");
      await expect(form.getByLabel("Description", { exact: true })).toHaveValue(description);
      await expect(form.getByLabel("First financial year")).toHaveValue("2017/18");
      await expect(form.getByLabel("Last financial year")).toHaveValue("2016/17");
      await expect(form.getByLabel("Start date (optional)")).toHaveValue("2016-06-01");
      await expect(form.getByLabel("End date (optional)")).toHaveValue("2017-03-31");
      await expect(form.getByLabel("Status", { exact: true })).toHaveValue("in_flight");
      await expect(form.getByLabel("RAG", { exact: true })).toHaveValue("amber");
      await expect(form.getByLabel("Reason for the RAG (needed for red or amber)")).toHaveValue(ragReason);
      await expect(form.getByLabel(UC5, { exact: true })).toHaveValue("E");
      await expect(form.getByLabel("Maturity domain it raises").locator("option:checked")).toHaveText(DOMAIN.label);
      await expect(form.getByLabel("STP digital priority it serves")).toHaveValue(PRIORITY);
      await expect(form.getByRole("checkbox", { name: OUH, exact: true })).toBeChecked();
      await expectNoAxeViolations(cio, "the new project form with field errors");
      expect(await planTotal(cio)).toBe(before);
    });

    await test.step("corrected, the project is added and its page shows it", async () => {
      // A fresh form: typed again, correctly this time.
      await cio.goto("/portfolio/projects/new");
      const form = projectForm(cio);
      await fillProject(form, {
        title,
        description,
        fromYear: "2016/17",
        toYear: "2016/17",
        startOn: "2016-06-01",
        endOn: "2017-03-31",
        status: "In flight",
        rag: "Amber",
        ragReason,
        ucs: { [UC5]: "E" },
      });
      await form.getByRole("button", { name: "Add project" }).click();
      await cio.waitForURL(new RegExp(`/portfolio/projects/${uuid}\\?done=created$`));
      projectId = new URL(cio.url()).pathname.split("/").at(-1)!;
      projectPath = `/portfolio/projects/${projectId}`;
      await expect(cio.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(cio.getByTestId("confirmation")).toContainText("Project added.");
      const summary = cio.getByTestId("project-summary");
      const row = (key: string) => summary.locator(".nhsuk-summary-list__row").filter({ has: cio.locator("dt", { hasText: new RegExp(`^${key}$`) }) }).locator("dd");
      await expect(row("Status")).toHaveText(`In flight · RAG Amber: ${ragReason}`);
      await expect(row("Owners")).toHaveText(OUH);
      await expect(row("Footprints named")).toHaveText("None besides its owners'");
      await expect(row("Maturity domain")).toHaveText("Decision Support");
      await expect(row("STP digital priority")).toHaveText(PRIORITY);
      await expect(row("Programme")).toHaveText("None");
      await expect(row("Period")).toHaveText("2016/17 (1 June 2016 to 31 March 2017)");
      await expect(row("Description")).toHaveText(description);
      await expect(cio.getByTestId("project-capabilities")).toHaveText(`Enables ${UC5}`);
      // The owner's CIO may change it.
      await expect(cio.getByRole("heading", { level: 2, name: "Change this project" })).toBeVisible();
      await expect(projectForm(cio).getByRole("button", { name: "Save changes" })).toBeVisible();
      await expect(projectForm(cio).getByLabel("Title", { exact: true })).toHaveValue(title);
      await expect(history(cio).locator("tbody tr")).toHaveCount(1);
      await expect(history(cio).locator("tbody tr").first()).toContainText(`Added the project “${title}”`);
      await expect(history(cio).locator("tbody tr").first()).toContainText(accounts.cioOuh.name);
      await expectNoAxeViolations(cio, "a project page with its edit form (owner's CIO)");
    });

    await test.step("the capability plan shows its card in the Decision Support row, 2016/17 column, linking to its page", async () => {
      expect(await planTotal(cio)).toBe(before + 1);
      const plan = cio.getByTestId("plan");
      await expect(plan.getByRole("columnheader")).toHaveText(["Domain", "2016/17", "2017/18 – 2018/19"]);
      const card = plan.locator("[data-project]").filter({ has: cio.getByRole("link", { name: title, exact: true }) });
      await expect(card).toHaveCount(1);
      await expect(card).toHaveAttribute("data-project", /^P-[0-9A-F]{8}$/);
      const code = (await card.getAttribute("data-project"))!;
      await expect(plan.locator(`tr[data-domain="${DOMAIN.code}"] td:nth-child(2) [data-project="${code}"]`)).toHaveCount(1);
      await expect(plan.locator(`tr[data-domain="${DOMAIN.code}"] th`)).toHaveText("Decision Support");
      await expect(card).toContainText("In flight");
      await expect(card).toContainText(OUH);
      await expect(card.locator(".app-uc-badge")).toHaveText(["UC5 E"]);
      await expect(card.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", projectPath);
      // The owner filter and the footprint filter (through its owner) keep it.
      await cio.goto(`/portfolio/plan?footprint=OXON`);
      await expect(cio.locator(`[data-project="${code}"]`)).toHaveCount(1);
      await cio.goto(`/portfolio/plan?footprint=BERKSW`);
      await expect(cio.getByTestId("plan-summary")).toContainText("in Berkshire West");
      await expect(cio.locator(`[data-project="${code}"]`)).toHaveCount(0);
    });

    await test.step("the matrix shows UC 5 in progress in Oxfordshire (not in Berkshire West), drilling down to the project", async () => {
      await cio.goto("/portfolio/capabilities");
      const oxon = ucCell(cio, 5, "OXON");
      await expect(oxon).toHaveAttribute("data-progress", "in_progress");
      await expect(oxon.locator(".nhsuk-tag")).toHaveText("In progress");
      await expect(ucCell(cio, 5, "BERKSW")).toHaveAttribute("data-progress", "nothing");
      await expect(ucCell(cio, 5, "BERKSW")).toHaveText("Nothing planned");
      await expect(ucCell(cio, 5, "BERKSW").getByRole("link")).toHaveCount(0);
      // Its owner serves Oxfordshire only: not Buckinghamshire either.
      await expect(ucCell(cio, 5, "BUCKS")).toHaveAttribute("data-progress", "nothing");
      const link = oxon.getByRole("link", { name: "1 project for UC 5 in Oxfordshire" });
      await expect(link).toBeVisible();
      await link.click();
      // The link names its system: England's systems are in the demo beside BOB.
      await cio.waitForURL(/\/portfolio\/capabilities\?system=BOB&uc=5&in=OXON#projects$/);
      await expect(cio.getByRole("heading", { level: 2, name: "UC 5 in Oxfordshire: 1 project" })).toBeVisible();
      const listed = cio.getByTestId("uc-projects").getByRole("listitem");
      await expect(listed).toHaveCount(1);
      await expect(listed).toHaveText(`${title} (enables; in flight; ${OUH})`);
      await expect(listed.getByRole("link", { name: title })).toHaveAttribute("href", projectPath);
      await expectNoAxeViolations(cio, "the universal capability matrix with a drill-down open");
    });

    await test.step("by owner organisation: UC 5 is in progress under Oxford University Hospitals", async () => {
      const ouhId = await organisationId(cio, "RTH");
      await cio.goto("/portfolio/capabilities?by=organisation");
      await expect(cio.getByTestId("uc-matrix").getByRole("columnheader", { name: OUH, exact: true })).toBeVisible();
      const cell = ucCell(cio, 5, ouhId);
      await expect(cell).toHaveAttribute("data-progress", "in_progress");
      await expect(cell.locator(".nhsuk-tag")).toHaveText("In progress");
      await cell.getByRole("link", { name: `1 project for UC 5 in ${OUH}` }).click();
      await cio.waitForURL(new RegExp(`/portfolio/capabilities\\?system=BOB&by=organisation&uc=5&in=${ouhId}#projects$`));
      await expect(cio.getByTestId("uc-projects").getByRole("listitem")).toHaveText([`${title} (enables; in flight; ${OUH})`]);
      // No other owner's column has UC 5.
      await expect(cio.locator(`tr[data-uc="5"] td:not([data-progress="nothing"])`)).toHaveCount(1);
    });

    await test.step("the CIO sets the status to Delivered: UC 5 is delivered in Oxfordshire, and the history lists both changes", async () => {
      await cio.goto(projectPath);
      const form = projectForm(cio);
      await form.getByLabel("Status", { exact: true }).selectOption({ label: "Delivered" });
      await form.getByRole("button", { name: "Save changes" }).click();
      await expect(projectForm(cio).getByRole("status")).toHaveText(`“${title}” saved.`);
      const summary = cio.getByTestId("project-summary");
      await expect(summary).toContainText(`Delivered · RAG Amber: ${ragReason}`);
      await cio.reload();
      await expect(projectForm(cio).getByLabel("Status", { exact: true })).toHaveValue("delivered");
      const rows = history(cio).locator("tbody tr");
      await expect(rows).toHaveCount(2);
      await expect(rows.filter({ hasText: `Added the project “${title}”` })).toHaveCount(1);
      const change = rows.filter({ hasText: "Changed the status (in flight → delivered)" });
      await expect(change).toHaveCount(1);
      await expect(change.locator("td").nth(2)).toHaveText("Changed the status (in flight → delivered)");
      await expect(change).toContainText(accounts.cioOuh.name);

      await cio.goto("/portfolio/capabilities");
      await expect(ucCell(cio, 5, "OXON")).toHaveAttribute("data-progress", "delivered");
      await expect(ucCell(cio, 5, "OXON").locator(".nhsuk-tag")).toHaveText("Delivered");
      await expect(ucCell(cio, 5, "OXON").getByRole("link", { name: "1 project for UC 5 in Oxfordshire" })).toBeVisible();
      await expect(ucCell(cio, 5, "BERKSW")).toHaveAttribute("data-progress", "nothing");
      // The plan's card says so too.
      await cio.goto("/portfolio/plan?footprint=OXON");
      await expect(cio.locator("[data-project]").filter({ has: cio.getByRole("link", { name: title, exact: true }) })).toContainText("Delivered");
    });
  });

  test("another trust's CIO cannot change an OUH project; a viewer cannot add one", async ({ pageAs }) => {
    test.setTimeout(180_000);
    const ouh = await pageAs("cioOuh");
    const rbft = await pageAs("cioRbft");
    const viewer = await pageAs("viewer");
    const admin = await pageAs("admin");
    // A seeded card that names OUH (the Horton General Hospital) as its owner.
    const seed = seedProjects.find((p) => p.ownerOdsCodes.length === 1 && p.ownerOdsCodes[0] === "RTH");
    expect(seed, "a seeded project owned by OUH alone").toBeDefined();
    const ouhId = await organisationId(ouh, "RTH");
    const rbftId = await organisationId(ouh, "RHW");
    let path = "";
    let refusalsBefore = 0;

    /** The project's version and fields, as its owner's edit form has them now. */
    const current = async () => {
      await ouh.goto(path);
      const form = projectForm(ouh);
      await expect(form).toBeVisible();
      const field = (name: string) => form.locator(`[name="${name}"]`).inputValue();
      return {
        version: await form.locator("input[name=version]").inputValue(),
        title: await field("title"),
        description: await field("description"),
        domainId: await field("domainId"),
        stpPriority: await field("stpPriority"),
        fromYear: await field("fromYear"),
        toYear: await field("toYear"),
        programmeId: await field("programmeId"),
        startOn: await field("startOn"),
        endOn: await field("endOn"),
        status: await field("status"),
        rag: await field("rag"),
        ragReason: await field("ragReason"),
      };
    };

    await test.step("the CIO of Royal Berkshire opens it: its details, but no edit form", async () => {
      await rbft.goto("/portfolio/plan");
      const card = rbft.locator(`[data-project="${seed!.code}"]`);
      await expect(card).toContainText(OUH);
      await card.getByRole("link", { name: seed!.title, exact: true }).click();
      await rbft.waitForURL(new RegExp(`/portfolio/projects/${uuid}$`));
      path = new URL(rbft.url()).pathname;
      await expect(rbft.getByRole("heading", { level: 1 })).toHaveText(seed!.title);
      await expect(rbft.getByTestId("project-summary")).toContainText(OUH);
      await expect(projectForm(rbft)).toHaveCount(0);
      await expect(rbft.getByRole("heading", { name: "Change this project" })).toHaveCount(0);
      await expect(rbft.getByRole("button", { name: "Save changes" })).toHaveCount(0);
      // Its owner's CIO has the form.
      await ouh.goto(path);
      await expect(ouh.getByRole("heading", { level: 2, name: "Change this project" })).toBeVisible();
      await expect(projectForm(ouh).getByRole("button", { name: "Save changes" })).toBeVisible();
      // Refusals already on record (if the spec is repeated in one run).
      await admin.goto(path);
      await expect(admin.getByRole("heading", { level: 1 })).toHaveText(seed!.title);
      refusalsBefore = await admin.locator("[data-testid=history] tbody tr").filter({ hasText: "Was refused: project.edit" }).count();
    });

    await test.step("a crafted server-action POST works for its owner's CIO but changes nothing from Royal Berkshire's", async () => {
      // The project form's own action (the milestone and benefit forms on the page carry the project id too).
      const action = await actionFields(ouh, path, 'data-testid="project-form"');
      const projectId = path.split("/").at(-1)!;
      const crafted = (v: Awaited<ReturnType<typeof current>>, changes: { title: string; description: string; status: string }, owners: string[]): [string, string][] => [
        ...Object.entries(action),
        ["projectId", projectId],
        ["version", v.version],
        ["title", changes.title],
        ["description", changes.description],
        ...owners.map((id): [string, string] => ["ownerIds", id]),
        ["domainId", v.domainId],
        ["stpPriority", v.stpPriority],
        ["programmeId", v.programmeId],
        ["fromYear", v.fromYear],
        ["toYear", v.toYear],
        ["startOn", v.startOn],
        ["endOn", v.endOn],
        ["status", changes.status],
        ["rag", v.rag],
        ["ragReason", v.ragReason],
        ["uc.5", ""],
      ];

      // The same request as the owner's browser would send without JavaScript: it is applied.
      const first = await current();
      const note = "Notes scanned at the Horton since spring.";
      await postForm(ouh, path, crafted(first, { title: first.title, description: note, status: first.status }, [ouhId]));
      const applied = await current();
      expect(Number(applied.version)).toBe(Number(first.version) + 1);
      expect(applied.description).toBe(note);
      await expect(ouh.getByTestId("project-summary")).toContainText(note);

      // From Royal Berkshire's CIO, with the current version (and Royal Berkshire added as an owner): refused.
      await postForm(rbft, path, crafted(applied, { title: "Taken over by Royal Berkshire", description: "Changed by another trust.", status: "stopped" }, [ouhId, rbftId]));
      const after = await current();
      expect(after).toEqual(applied);
      await expect(ouh.getByRole("heading", { level: 1 })).toHaveText(seed!.title);
      await expect(ouh.getByTestId("project-summary")).not.toContainText(RBFT);
      await expect(ouh.getByTestId("project-summary")).not.toContainText("Changed by another trust.");
    });

    await test.step("a tampered new-project form (the OUH project's id injected) is refused with the message, and changes nothing", async () => {
      const { version } = await current();
      const projectId = path.split("/").at(-1)!;
      await rbft.goto("/portfolio/projects/new");
      const form = projectForm(rbft);
      await expect(form.getByRole("checkbox", { name: RBFT, exact: true })).toBeChecked();
      await fillProject(form, { title: "Taken over by Royal Berkshire", fromYear: "2016/17", toYear: "2016/17", status: "Stopped" });
      await form.evaluate((el, { id, v }) => {
        for (const [name, value] of [["projectId", id], ["version", v]] as const) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = value;
          el.appendChild(input);
        }
      }, { id: projectId, v: version });
      await form.getByRole("button", { name: "Add project" }).click();
      await expect(projectForm(rbft).locator(".nhsuk-error-summary")).toContainText(REFUSED);
      await expect(rbft).toHaveURL(/\/portfolio\/projects\/new$/);
      await expect(projectForm(rbft).getByLabel("Title", { exact: true })).toHaveValue("Taken over by Royal Berkshire");
      const after = await current();
      expect(after.version).toBe(version);
      expect(after.title).toBe(seed!.title);
      expect(after.status).not.toBe("stopped");
      // Nor was a project added under that title.
      await rbft.goto("/portfolio/plan");
      await expect(rbft.getByRole("link", { name: "Taken over by Royal Berkshire" })).toHaveCount(0);
    });

    await test.step("an administrator sees both refusals in the project's history", async () => {
      await admin.goto(path);
      const refusals = history(admin).locator("tbody tr").filter({ hasText: "Was refused: project.edit" });
      await expect(refusals).toHaveCount(refusalsBefore + 2);
      await expect(refusals.filter({ hasText: accounts.cioRbft.name })).toHaveCount(refusalsBefore + 2);
      await expect(history(admin)).not.toContainText("Taken over by Royal Berkshire");
      // An administrator may change any project.
      await expect(projectForm(admin).getByRole("button", { name: "Save changes" })).toBeVisible();
    });

    await test.step("a viewer sees the project without an edit form, no Add a project button, and the 403 page for the new-project form", async () => {
      await viewer.goto(path);
      await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(seed!.title);
      await expect(viewer.getByTestId("project-summary")).toBeVisible();
      await expect(projectForm(viewer)).toHaveCount(0);
      await expect(viewer.getByRole("button", { name: "Save changes" })).toHaveCount(0);
      await expectNoAxeViolations(viewer, "a project page without an edit form (viewer)");

      await viewer.goto("/portfolio/plan");
      await expect(viewer.getByTestId("plan")).toBeVisible();
      await expect(viewer.getByRole("link", { name: "Add a project" })).toHaveCount(0);
      await expect(viewer.getByRole("button", { name: "Add a project" })).toHaveCount(0);
      const response = await viewer.goto("/portfolio/projects/new");
      expect(response?.status()).toBe(403);
      await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
      await expect(projectForm(viewer)).toHaveCount(0);
    });
  });

  test("a red RAG without a reason is refused next to the reason field, and nothing is added", async ({ pageAs }) => {
    const cio = await pageAs("cioOuh");
    const before = await planTotal(cio);
    const title = `E2E red without a reason ${uniqueSuffix()}`;
    await cio.goto("/portfolio/projects/new");
    const form = projectForm(cio);
    await fillProject(form, { title, fromYear: "2017/18", toYear: "2018/19", status: "Planned", rag: "Red", ragReason: "" });
    await form.getByRole("button", { name: "Add project" }).click();
    await expect(form.locator(".nhsuk-error-summary")).toContainText(NOTHING_SAVED);
    await expectFieldError(form, "ragReason", "Say why the project is red");
    await expect(form.locator(".nhsuk-form-group--error")).toHaveCount(1);
    await expect(form.getByLabel("RAG", { exact: true })).toHaveValue("red");
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(title);
    await expect(cio).toHaveURL(/\/portfolio\/projects\/new$/);
    expect(await planTotal(cio)).toBe(before);
    await expect(cio.getByRole("link", { name: title })).toHaveCount(0);
  });

  test("co-owners: OUH's CIO invites Royal Berkshire, whose CIO accepts on the plan page; OUH's CIO cannot remove it, its own CIO can", async ({ pageAs }) => {
    test.setTimeout(180_000);
    const ouh = await pageAs("cioOuh");
    const rbft = await pageAs("cioRbft");
    // A seeded card OUH owns alone, not the one the test above uses.
    const seed = seedProjects.filter((p) => p.ownerOdsCodes.length === 1 && p.ownerOdsCodes[0] === "RTH")[1];
    expect(seed, "a second seeded project owned by OUH alone").toBeDefined();
    let path = "";

    await test.step("OUH's CIO ticks Royal Berkshire: it is invited, not an owner", async () => {
      await ouh.goto("/portfolio/plan");
      await ouh.locator(`[data-project="${seed!.code}"]`).getByRole("link", { name: seed!.title, exact: true }).click();
      await ouh.waitForURL(new RegExp(`/portfolio/projects/${uuid}$`));
      path = new URL(ouh.url()).pathname;
      await projectForm(ouh).getByLabel(RBFT, { exact: false }).check();
      await projectForm(ouh).getByRole("button", { name: "Save changes" }).click();
      await expect(projectForm(ouh).getByRole("status")).toContainText("saved");
      await ouh.goto(path);
      await expect(ouh.getByTestId("project-invitations")).toContainText(RBFT);
      await expect(ouh.getByTestId("project-summary").locator(".nhsuk-summary-list__row", { hasText: "Owners" }).first()).not.toContainText(RBFT);
      await expect(projectForm(ouh).getByLabel(`${RBFT} (invited: awaiting its answer)`)).toBeChecked();
      // OUH's CIO has no accept button for Royal Berkshire.
      await expect(ouh.getByTestId("co-ownership-requests")).toHaveCount(0);
    });

    await test.step("Royal Berkshire's CIO sees the request on the plan page and accepts it", async () => {
      await rbft.goto("/portfolio/plan");
      const requests = rbft.getByTestId("co-ownership-requests");
      await expect(requests).toContainText(seed!.title);
      await expectNoAxeViolations(rbft, "the capability plan with a co-ownership request");
      await requests.getByRole("button", { name: `Accept ${RBFT} co-owning ${seed!.title}` }).click();
      await rbft.waitForURL(new RegExp(`${path}\\?done=accepted$`));
      await expect(rbft.getByTestId("confirmation")).toContainText("Invitation accepted");
      await expect(rbft.getByTestId("project-summary")).toContainText(RBFT);
      await expect(rbft.getByTestId("project-invitations")).toHaveCount(0);
      await expect(history(rbft)).toContainText(`Accepted, for ${RBFT}, the invitation to co-own the project`);
    });

    await test.step("OUH's CIO cannot take Royal Berkshire off; Royal Berkshire's CIO can", async () => {
      await ouh.goto(path);
      await projectForm(ouh).getByLabel(RBFT, { exact: true }).uncheck();
      await projectForm(ouh).getByRole("button", { name: "Save changes" }).click();
      await expect(projectForm(ouh).locator(".nhsuk-error-summary")).toContainText(`You can remove only your own organisations from a project's owners, not ${RBFT}`);
      await rbft.goto(path);
      await projectForm(rbft).getByLabel(RBFT, { exact: true }).uncheck();
      await projectForm(rbft).getByRole("button", { name: "Save changes" }).click();
      // Royal Berkshire no longer owns it: the page shows it without Royal Berkshire, and without the form.
      await expect(rbft.getByTestId("project-summary")).not.toContainText(RBFT);
      await expect(projectForm(rbft)).toHaveCount(0);
      await ouh.goto(path);
      await expect(ouh.getByTestId("project-summary")).not.toContainText(RBFT);
    });
  });
});
