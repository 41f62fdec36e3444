// Every limit on what an uploaded file may cost the server, in one place. The figures they
// were chosen from (NHS England's workbook, the app's own exports, what a bomb now costs)
// are in docs/imports-limits.md; a change here belongs there too.

const MiB = 1024 * 1024;

/** The zip archive an .xlsx is, checked from its central directory before anything is unpacked. */
export const zipLimits = {
  /** Parts in the archive. NHS England's 2025 workbook has 50; the app's exports about 10. */
  maxEntries: 2_000,
  /** What one part may unpack to (declared, and counted while unpacking). */
  maxPartBytes: 200 * MiB,
  /** What all the parts together may unpack to. */
  maxTotalBytes: 250 * MiB,
  /** Unpacked size over packed size, for a part that unpacks to more than `ratioAppliesAbove`. */
  maxRatio: 150,
  ratioAppliesAbove: 1 * MiB,
} as const;

/** NHS England's DMA workbook is read whole (every sheet at once), so it has tighter limits. */
export const dmaZipLimits = { ...zipLimits, maxPartBytes: 8 * MiB, maxTotalBytes: 10 * MiB } as const;

/** The contents of a workbook's sheet, counted while it is read. */
export const sheetLimits = {
  /** Entries in the shared-strings table (one per distinct text in the workbook). */
  maxSharedStrings: 1_000_000,
  /** Characters in the shared-strings table as a whole. */
  maxSharedStringChars: 32 * 1024 * 1024,
  /** `<row>` elements in the sheet, empty ones included: Excel's own maximum. */
  maxRows: 1_048_576,
  /** The last column that may hold a value (no import has more than a few dozen). */
  maxColumns: 1_024,
  /** Characters in one cell: Excel's own maximum. */
  maxCellChars: 32_767,
} as const;

export const csvLimits = {
  maxColumns: sheetLimits.maxColumns,
  maxCellChars: sheetLimits.maxCellChars,
  /** Characters in one record (csv-parse's `max_record_size`). */
  maxRecordChars: 1 * MiB,
  /** Lines, blank ones included (Excel's row limit), counted before the file is parsed. */
  maxLines: sheetLimits.maxRows,
} as const;

/** The worker thread a workbook is read in: past these it is ended, never the server. */
export const workerLimits = {
  resourceLimits: { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32, codeRangeSizeMb: 16, stackSizeMb: 4 },
  /** Workbooks read at once; more wait their turn, so that memory is bounded whatever arrives. */
  maxConcurrent: 2,
  /**
   * Workbooks read at once inside a database transaction (an import's commit), besides
   * those: such a reader must not wait for a preview that waits for the database
   * (lib/import/read-in-worker.ts). The embedded database runs one transaction at a time.
   */
  maxConcurrentInTransaction: 1,
  /** Rows sent to the caller in one message, and messages sent before the caller takes them. */
  batchRows: 500,
  batchesAhead: 4,
  /** NHS England's workbook opens in about a second; one that takes this long is not it. */
  wholeWorkbookSeconds: 60,
  /** A worker whose rows nobody takes for this long ends itself (an import checks rows as they come). */
  idleSeconds: 600,
} as const;
