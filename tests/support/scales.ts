// The scales the tests score on, defined once. DMI 2016 is the 2016 digital maturity index
// (whole percentages, the defaults of the frameworks table); DMA is NHS England's digital
// maturity assessment (1–5, one decimal place at pillar level).
import type { Scale } from "@/lib/scale";

export const dmiScale: Scale = { min: 0, max: 100, decimals: 0, unit: "%" };
export const dmaScale: Scale = { min: 1, max: 5, decimals: 1, unit: "" };

/** The scale columns of a DMI 2016 framework row, for code that takes the row. */
export const dmiFrameworkScale = { scaleMin: 0, scaleMax: 100, scoreDecimals: 0, unit: "%" } as const;
