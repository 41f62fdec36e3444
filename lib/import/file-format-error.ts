/** The file as a whole cannot be read: wrong encoding, not a spreadsheet, damaged, or over a limit. */
export class FileFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "FileFormatError";
  }
}
