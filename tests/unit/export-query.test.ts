// A download's address and filters: built from the page's filters, read back with zod, and
// a file name that is safe in a Content-Disposition header.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { exportHref } from "@/lib/export/links";
import { code, exportFormat, fileName, isoDate, parseExportQuery, queryObject } from "@/lib/export/query";

const schema = z.object({ format: exportFormat, period: code("period").optional(), since: isoDate("since").optional() });

describe("exportHref", () => {
  it("carries the format and the filters chosen, leaving out those not chosen", () => {
    expect(exportHref("heatmap", "csv", { framework: "DMI-2016", period: "2017-REASSESSMENT", footprint: undefined })).toBe(
      "/export/heatmap?format=csv&framework=DMI-2016&period=2017-REASSESSMENT",
    );
    expect(exportHref("capability-plan", "xlsx", { priority: "Records sharing, care planning", organisation: "" })).toBe(
      "/export/capability-plan?format=xlsx&priority=Records+sharing%2C+care+planning",
    );
  });

  it("reads back, through the query parser, to the same filters", () => {
    const href = exportHref("heatmap", "xlsx", { period: "2016-BASELINE", since: "2026-08-25" });
    expect(parseExportQuery(schema, new URL(href, "http://x").searchParams)).toEqual({ format: "xlsx", period: "2016-BASELINE", since: "2026-08-25" });
  });
});

describe("parseExportQuery", () => {
  const params = (query: string) => new URLSearchParams(query);

  it("takes the first of repeated values, treats blank ones as not chosen and defaults to CSV", () => {
    expect(queryObject(params("period=A&period=B&footprint=&x= "))).toEqual({ period: "A" });
    expect(parseExportQuery(schema, params("footprint="))).toEqual({ format: "csv" });
  });

  it("refuses a wrong format or date with a 400 naming the filter", () => {
    const refusal = (query: string) => {
      try {
        parseExportQuery(schema, params(query));
      } catch (error) {
        return error as AppError;
      }
      throw new Error(`accepted ${query}`);
    };
    const format = refusal("format=pdf");
    expect([format.code, format.status, format.fieldErrors]).toEqual(["bad_request", 400, { format: "format must be csv or xlsx" }]);
    const since = refusal("since=2026-02-30");
    expect([since.status, Object.keys(since.fieldErrors)]).toEqual([400, ["since"]]);
    expect(since.message).toContain("since must be a date written YYYY-MM-DD");
  });
});

describe("fileName", () => {
  it("joins the parts chosen with hyphens, keeping letters and digits only", () => {
    expect(fileName(["heatmap", "2017-REASSESSMENT", "OXON"], "csv")).toBe("heatmap-2017-REASSESSMENT-OXON.csv");
    expect(fileName(["capability-plan", null, undefined, "Records sharing, care planning"], "xlsx")).toBe("capability-plan-Records-sharing-care-planning.xlsx");
    expect(fileName(['"; evil', "../x"], "csv")).toBe("evil-x.csv");
    expect(fileName([], "csv")).toBe("export.csv");
  });
});
