/**
 * A streaming CSV/TSV parser (RFC 4180 quoting: fields in double quotes may hold the
 * delimiter, newlines and doubled quotes). Feed it chunks; it returns the complete rows.
 */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private quoted = false;
  private quoteSeen = false;
  private started = false;

  constructor(private readonly delimiter = ',') {}

  /** Rows completed by this chunk. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false; // the quote closed the field; fall through to handle c
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.field === '' && !this.quoted) {
        this.quoted = true;
        this.started = true;
      } else if (c === this.delimiter) {
        this.endField();
      } else if (c === '\n') {
        this.endRow(rows);
      } else if (c === '\r') {
        // \r\n or a lone \r end the row at the \n (or are dropped)
      } else {
        this.field += c;
        this.started = true;
      }
    }
    return rows;
  }

  /** The last row, when the input does not end with a newline. */
  end(): string[][] {
    if (this.quoteSeen) {
      this.quoted = false;
      this.quoteSeen = false;
    }
    const rows: string[][] = [];
    if (this.started || this.row.length) this.endRow(rows);
    return rows;
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.started = true;
  }

  private endRow(rows: string[][]): void {
    this.endField();
    if (!(this.row.length === 1 && this.row[0] === '')) rows.push(this.row);
    this.row = [];
    this.started = false;
  }
}
