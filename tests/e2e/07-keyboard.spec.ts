import { expect, test } from "./support/fixtures";

interface Focused {
  tag: string;
  id: string;
  text: string;
  label: string;
  inHeatmap: boolean;
  href: string;
}

test.describe("keyboard", () => {
  test("Tab reaches the skip link, the menu, the selects, the heatmap region and its organisation links; Enter opens one", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/maturity");
    await expect(page.getByTestId("heatmap")).toBeVisible();

    const stops: Focused[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate((): Focused => {
        const el = document.activeElement as HTMLElement | null;
        return {
          tag: el?.tagName.toLowerCase() ?? "",
          id: el?.id ?? "",
          text: (el?.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60),
          label: el?.getAttribute("aria-label") ?? "",
          inHeatmap: Boolean(el?.closest("[data-testid=heatmap]")),
          href: el?.getAttribute("href") ?? "",
        };
      });
      stops.push(focused);
      if (focused.tag === "a" && focused.inHeatmap) break;
    }
    const describe = stops.map((s) => `${s.tag}#${s.id} "${s.label || s.text}"`).join("\n");
    const indexOf = (what: string, match: (s: Focused) => boolean) => {
      const index = stops.findIndex(match);
      expect(index, `${what} should be reached by Tab. Focus went:\n${describe}`).toBeGreaterThanOrEqual(0);
      return index;
    };

    expect(stops[0]?.text, `the first Tab stop is the skip link. Focus went:\n${describe}`).toBe("Skip to main content");
    const order = [
      indexOf("the skip link", (s) => s.tag === "a" && s.text === "Skip to main content"),
      indexOf("the Maturity menu link", (s) => s.tag === "a" && s.text === "Maturity"),
      indexOf("the Organisations menu link", (s) => s.tag === "a" && s.text === "Organisations"),
      indexOf("the Assessments menu link", (s) => s.tag === "a" && s.text === "Assessments"),
      indexOf("the Framework select", (s) => s.tag === "select" && s.id === "framework"),
      indexOf("the Assessment period select", (s) => s.tag === "select" && s.id === "period"),
      indexOf("the Footprint select", (s) => s.tag === "select" && s.id === "footprint"),
      indexOf("the Show button", (s) => s.tag === "button" && s.text === "Show"),
      indexOf("the heatmap scroll region", (s) => s.label === "Maturity heatmap (scrolls sideways)"),
      indexOf("an organisation link in the heatmap", (s) => s.tag === "a" && s.inHeatmap),
    ];
    expect(order, `Tab order should follow the page. Focus went:\n${describe}`).toEqual([...order].sort((a, b) => a - b));

    const link = stops.at(-1)!;
    const firstLink = page.getByTestId("heatmap").locator("tbody a").first();
    await expect(firstLink).toBeFocused();
    await expect(firstLink).toHaveText(link.text);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === link.href);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(link.text);
  });

  test("the skip link moves focus to the main content", async ({ pageAs }) => {
    const page = await pageAs("viewer");
    await page.goto("/maturity");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#maincontent")).toBeFocused();
  });
});
