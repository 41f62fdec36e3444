import type { Locator, Page } from "@playwright/test";
import { bobTargetYears, bobTrajectoryTargets } from "../../db/seed/bob-data";
import { projects as seedProjects, universalCapabilities } from "../../db/seed/bob-portfolio";
import { expectNoAxeViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { aboveCount, baseline, domainCodes, domainNames, footprints, formatGap, meanOf, national } from "./support/seed";

// The programme board pack (/board-pack). Other specs change data on the same server at
// the same time, so each section's content is checked as at a date in the past (31
// December 2016), which nothing done today can change: the seed's baseline and targets as
// they stood then. One test rates a seeded OUH card of 2017–19 red and has it enable UC 3
// (no other spec uses that card or that capability), then compares today's pack with the
// pack as at the day before.

const AS_AT = "2016-12-31";
const OXON = footprints.OXON;

function londonToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const section = (page: Page, id: string) => page.getByTestId(`pack-${id}`);

/** Presses Tab until the target has the focus. */
async function tabTo(page: Page, target: Locator, what: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${what} in ${max} presses`);
}

/**
 * Tabs into a date input from the field before it and types a date. The order of its day
 * and month boxes follows the browser's own language, not the page's locale, so it tries
 * day first, then month first (tabbing in again from the field before).
 */
async function typeDate(page: Page, before: Locator, input: Locator, iso: string) {
  const [year, month, day] = iso.split("-") as [string, string, string];
  for (const order of [[day, month, year], [month, day, year]]) {
    await before.focus();
    await page.keyboard.press("Tab");
    await expect(input).toBeFocused();
    await page.keyboard.type(order.join(""));
    if ((await input.inputValue()) === iso) return;
  }
  throw new Error(`Could not type ${iso} into the date field`);
}

/** The mean of the footprint's trusts' baseline scores, unrounded (the status compares it with the target as it is). */
const rawMean = (code: (typeof domainCodes)[number]) => OXON.trusts.reduce((sum, t) => sum + baseline(t, code), 0) / OXON.trusts.length;

test.describe("the programme board pack", () => {
  test("is reached from the board view, the dashboard and the menu; Oxfordshire as at 31 December 2016 is chosen with the keyboard alone", async ({ pageAs }) => {
    const page = await pageAs("board");
    await page.goto("/workstreams/board");
    await page.getByRole("link", { name: "programme board pack" }).click();
    await page.waitForURL(/\/board-pack$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme board pack");
    // Today by default, for the whole system.
    await expect(page.getByLabel("As at")).toHaveValue(londonToday());
    await expect(page.getByTestId("pack-scope")).toContainText("(whole system)");

    await page.goto("/portfolio/dashboard");
    await page.getByRole("link", { name: "Programme board pack" }).click();
    await page.waitForURL(/\/board-pack$/);
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Board pack" })).toHaveAttribute("aria-current", "page");

    // Keyboard only: the footprint by typing its first letter, the date by its digits, Enter on the button.
    const footprint = page.getByLabel("Footprint", { exact: true });
    await footprint.focus();
    await page.keyboard.press("O");
    await expect(footprint.locator("option:checked")).toHaveText(OXON.name);
    await typeDate(page, footprint, page.getByLabel("As at"), AS_AT);
    await tabTo(page, page.getByRole("button", { name: "Show the pack" }), "the Show the pack button");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("footprint") === "OXON" && url.searchParams.get("asAt") === AS_AT);
    await expect(page.getByTestId("pack-scope")).toHaveText("Oxfordshire, as at 31 December 2016");
    await expect(page.getByLabel("Footprint", { exact: true })).toHaveValue("OXON");
    await expect(page.getByLabel("As at")).toHaveValue(AS_AT);

    // The contents lead to each section, by keyboard too.
    const contents = page.getByTestId("pack-contents-list").getByRole("link");
    await expect(contents).toHaveText(["Digital maturity heatmap", "Trajectories", "Universal capabilities", "Red and amber projects", "Tollgate reviews awaiting a decision", "Review conditions"]);
    await contents.nth(2).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#pack-capabilities$/);
  });

  test("Oxfordshire as at 31 December 2016: each section as the seed says, and what as at means for it", async ({ pageAs }) => {
    // axe over a page this long takes a while on a small machine.
    test.setTimeout(180_000);
    const page = await pageAs("viewer");
    await page.goto(`/board-pack?footprint=OXON&asAt=${AS_AT}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme board pack");
    for (const id of ["heatmap", "trajectories", "capabilities", "projects", "reviews", "conditions"]) {
      await expect(section(page, id).getByTestId("as-at-meaning"), id).toContainText("31 December 2016");
    }

    await test.step("the heatmap: the February 2016 baseline of Oxfordshire's three trusts, against national", async () => {
      const heatmap = section(page, "heatmap").getByTestId("heatmap");
      await expect(heatmap.locator("caption")).toHaveText("Oxfordshire: Digital Maturity Index scores, Baseline Feb-16 (3 providers)");
      await expect(heatmap.locator("tbody tr")).toHaveCount(OXON.trusts.length);
      for (const trust of OXON.trusts) {
        const row = heatmap.locator(`tbody tr[data-org="${trust}"]`);
        for (const code of domainCodes) {
          const cell = row.locator(`td[data-domain="${code}"]`);
          await expect(cell.locator(".app-heatmap__score"), `${trust} ${code}`).toHaveText(`${baseline(trust, code)}%`);
          await expect(cell.locator(".app-heatmap__gap"), `${trust} ${code}`).toContainText(formatGap(baseline(trust, code) - national(code)));
        }
      }
      for (const code of domainCodes) {
        await expect(heatmap.getByTestId("mean-row").locator(`td[data-domain="${code}"]`), code).toHaveText(`${meanOf(code, OXON.trusts)}%`);
        await expect(heatmap.getByTestId("national-row").locator(`td[data-domain="${code}"]`), code).toHaveText(`${national(code)}%`);
        await expect(heatmap.getByTestId("above-row").locator(`td[data-domain="${code}"]`), code).toHaveText(aboveCount(code, OXON.trusts));
      }
    });

    await test.step("trajectories: the capability domains judged against the BOB targets set in October 2016, the rest without a target", async () => {
      const trajectories = section(page, "trajectories");
      const targeted = Object.keys(bobTrajectoryTargets);
      await expect(trajectories.getByTestId("borrowed-targets")).toContainText(`Oxfordshire has set no targets of its own for ${targeted.length} domains`);
      const nextTarget = bobTargetYears.findIndex((y) => `${y + 1}-03-31` >= AS_AT);
      for (const code of domainCodes) {
        const name = domainNames[code];
        const statusCell = trajectories.getByTestId("trajectory-status").getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) }).locator("[data-status]");
        if (!targeted.includes(code)) {
          await expect(statusCell, code).toHaveAttribute("data-status", "no-target");
          await expect(trajectories.getByTestId("uncharted-domains").locator(`tr[data-domain="${code}"]`), code).toContainText("No target has been set.");
          continue;
        }
        // Only the baseline so far, so no rate to project: on track if already at the target, else at risk.
        const target = bobTrajectoryTargets[code]![nextTarget]!;
        const expected = rawMean(code) >= target ? "on-track" : "at-risk";
        await expect(statusCell, code).toHaveAttribute("data-status", expected);
        const figure = trajectories.locator(`figure[data-domain="${code}"]`);
        await expect(figure.locator("figcaption [data-status]"), code).toHaveAttribute("data-status", expected);
        // The chart: one actual (filled circle), the baseline and three targets on the planned path (open squares), one national average (open triangle).
        await expect(figure.locator('svg [data-series="actual"] circle'), code).toHaveCount(1);
        await expect(figure.locator('svg [data-series="plan"] rect'), code).toHaveCount(1 + bobTargetYears.length);
        await expect(figure.locator('svg [data-series="plan"] polyline'), code).toHaveAttribute("stroke-dasharray", /\d/);
        await expect(figure.locator('svg [data-series="national"] path'), code).toHaveCount(1);
        // The same figures as a table: the baseline row, then each target.
        const figures = figure.getByTestId(`figures-${code}`);
        await expect(figures.locator("tbody tr").first()).toContainText(`${meanOf(code, OXON.trusts)}%`);
        await expect(figures.locator("tbody tr").nth(1 + nextTarget)).toContainText(`${target}%`);
      }
      const legend = trajectories.getByTestId("chart-legend");
      await expect(legend).toContainText("solid line, filled circles");
      await expect(legend).toContainText("dashed line, open squares");
      await expect(legend).toContainText("dotted line, open triangles");
    });

    await test.step("universal capabilities: no seeded card carries one, so nothing is planned anywhere in Oxfordshire", async () => {
      const matrix = section(page, "capabilities").getByTestId("pack-uc-matrix");
      await expect(matrix.getByRole("columnheader")).toHaveText(["Capability", OXON.name, "Projects"]);
      await expect(matrix.locator("tbody tr")).toHaveCount(universalCapabilities.length);
      expect(seedProjects.filter((p) => (p.ucs ?? []).length > 0)).toEqual([]);
      await expect(matrix.locator('td[data-progress="nothing"]')).toHaveCount(universalCapabilities.length);
    });

    await test.step("no project was rated then, and no review had been requested", async () => {
      await expect(section(page, "projects").getByTestId("no-attention")).toBeVisible();
      await expect(section(page, "reviews").getByTestId("no-reviews")).toHaveText("No tollgate review was awaiting a decision.");
      await expect(section(page, "conditions").getByTestId("condition-counts")).toHaveText("No review condition was open.");
    });

    await expectNoAxeViolations(page, "the board pack for Oxfordshire as at 31 December 2016");
  });

  test("a card rated red and given UC 3 today is in today's Oxfordshire pack; the pack as at yesterday shows it as it was", async ({ pageAs }) => {
    test.setTimeout(180_000);
    const cio = await pageAs("cioOuh");
    const board = await pageAs("board");
    const card = seedProjects.find((p) => p.period === "2017/18-2018/19" && p.ownerOdsCodes.length === 1 && p.ownerOdsCodes[0] === "RTH")!;
    const uc3 = universalCapabilities.find((u) => u.number === 3)!;
    const reason = "The scanning contract has not been let.";
    const today = londonToday();

    await test.step("the CIO of OUH rates the card red, in flight, enabling UC 3", async () => {
      await cio.goto("/portfolio/plan");
      await cio.locator(`[data-project="${card.code}"] a`).first().click();
      await cio.waitForURL(/\/portfolio\/projects\//);
      const form = cio.getByTestId("project-form");
      await form.getByLabel("Status", { exact: true }).selectOption({ label: "In flight" });
      await form.getByLabel("RAG", { exact: true }).selectOption({ label: "Red" });
      await form.getByLabel("Reason for the RAG (needed for red or amber)").fill(reason);
      await form.getByLabel(`UC 3: ${uc3.title}`, { exact: true }).selectOption("E");
      await form.getByRole("button", { name: "Save changes" }).click();
      await expect(cio.getByTestId("project-form").getByRole("status")).toHaveText(`“${card.title}” saved.`);
    });

    await test.step("today's pack lists it among the red and amber projects with its reason, and UC 3 in progress in Oxfordshire because of it", async () => {
      await board.goto("/board-pack?footprint=OXON");
      const row = section(board, "projects").getByTestId("pack-attention").locator(`tr[data-project="${card.code}"]`);
      await expect(row).toContainText(card.title);
      await expect(row.locator(".nhsuk-tag")).toHaveText("Red");
      await expect(row).toContainText(reason);
      await expect(row).toContainText("In flight");
      const uc = section(board, "capabilities").locator('tr[data-uc="3"]');
      await expect(uc.locator('td[data-column="OXON"]')).toHaveAttribute("data-progress", "in_progress");
      await expect(uc.getByTestId("uc-projects")).toContainText(`${card.title} (E: enables; in flight)`);
      await expectNoAxeViolations(board, "the board pack for Oxfordshire today, with a red project");
    });

    await test.step("as at yesterday it was planned and unrated, and UC 3 had nothing planned", async () => {
      await board.goto(`/board-pack?footprint=OXON&asAt=${addDays(today, -1)}`);
      await expect(section(board, "projects").locator(`tr[data-project="${card.code}"]`)).toHaveCount(0);
      const uc = section(board, "capabilities").locator('tr[data-uc="3"]');
      await expect(uc.locator('td[data-column="OXON"]')).toHaveAttribute("data-progress", "nothing");
      await expect(uc.getByTestId("uc-projects")).not.toContainText(card.title);
    });

    await test.step("Berkshire West's pack does not have it: OUH serves Oxfordshire", async () => {
      await board.goto("/board-pack?footprint=BERKSW");
      await expect(section(board, "projects").locator(`tr[data-project="${card.code}"]`)).toHaveCount(0);
    });
  });

  test("today's agenda in the pack is the board view's", async ({ pageAs }) => {
    const page = await pageAs("board");
    // Other specs request and decide reviews meanwhile: read both until they agree.
    await expect(async () => {
      await page.goto("/workstreams/board");
      const board = page.getByTestId("awaiting");
      const awaiting = (await board.count()) === 0 ? [] : await board.locator("tbody tr th").allTextContents();
      await page.goto("/board-pack");
      const pack = page.getByTestId("pack-reviews");
      const listed = (await pack.count()) === 0 ? [] : await pack.locator("tbody tr th").allTextContents();
      expect(listed).toEqual(awaiting);
    }).toPass({ timeout: 30_000 });
  });

  test("a date in the future is refused next to the field, and the pack shown as at today", async ({ pageAs }) => {
    test.setTimeout(120_000);
    const page = await pageAs("viewer");
    await page.goto(`/board-pack?footprint=OXON&asAt=${addDays(londonToday(), 3)}`);
    const input = page.getByLabel("As at");
    await expect(page.locator("#asAt-error")).toContainText("The pack cannot look ahead");
    expect(await input.getAttribute("aria-describedby")).toContain("asAt-error");
    await expect(input).toHaveValue(londonToday());
    await expectNoAxeViolations(page, "the board pack with a date refused");
  });

  test("signed out, it asks you to sign in", async ({ anonymousPage }) => {
    const page = await anonymousPage();
    await page.goto("/board-pack");
    await expect(page).toHaveURL(/\/login/);
  });

  test("prints to A4: several pages, the wide sections landscape, with no navigation, form or buttons", async ({ pageAs }) => {
    test.setTimeout(90_000);
    const page = await pageAs("board");
    await page.goto(`/board-pack?footprint=OXON&asAt=${AS_AT}`);
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    try {
      // CSS locators, not roles: hidden elements leave the accessibility tree, and a role locator would then find nothing to check.
      const mustHide = {
        "the site header (menu, account, sign out)": page.locator("header.nhsuk-header"),
        "the skip link": page.locator(".nhsuk-skip-link"),
        "the footer": page.locator("footer"),
        "the pack's form": page.locator("main form"),
        "every button": page.locator("main button"),
      };
      for (const [what, locator] of Object.entries(mustHide)) {
        expect(await locator.count(), what).toBeGreaterThan(0);
        for (const element of await locator.all()) await expect(element, what).toBeHidden();
      }
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(section(page, "heatmap").getByTestId("heatmap")).toBeVisible();
      // Link addresses are not printed after the links.
      const after = await page.getByTestId("pack-contents-list").getByRole("link").first().evaluate((a) => getComputedStyle(a, "::after").content);
      expect(["none", "normal"]).toContain(after);

      const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
      const a4 = await page.pdf({ format: "A4" });
      // The cover, then each section on a page of its own (conditions share the reviews' page).
      expect(pageCount(a4)).toBeGreaterThanOrEqual(6);

      // With the stylesheet's own page sizes: the cover portrait, the heatmap landscape, the last section portrait.
      const sized = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
      const boxes = [...sized.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => (Number(m[1]) > Number(m[2]) ? "landscape" : "portrait"));
      expect(boxes.length).toBe(pageCount(Buffer.from(sized, "latin1")));
      expect(boxes[0]).toBe("portrait");
      expect(boxes[1]).toBe("landscape");
      expect(boxes.at(-1)).toBe("portrait");
      expect(boxes.filter((b) => b === "landscape").length).toBeGreaterThanOrEqual(2);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });
});
