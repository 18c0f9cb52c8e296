/**
 * Splits a stream of text into lines ending in `\n`, `\r\n` or a lone `\r`, in time linear in
 * the input: each chunk is scanned once, and the pieces of an unfinished line are joined once
 * when its end arrives (re-splitting `rest + chunk` made one long line quadratic).
 * Internal to `pulse-rx/node`.
 */
export class LineSplitter {
  private pieces: string[] = [];
  private afterCR = false;
  /** Characters examined so far: the work done, which stays linear in the input. */
  scanned = 0;

  /** Lines completed by this chunk. */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    if (this.afterCR && chunk.startsWith('\n')) start = 1;
    if (chunk.length > 0) this.afterCR = false;
    const breaks = /[\r\n]/g;
    breaks.lastIndex = start;
    for (let m = breaks.exec(chunk); m; m = breaks.exec(chunk)) {
      const at = m.index;
      this.pieces.push(chunk.slice(start, at));
      lines.push(this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join(''));
      this.pieces = [];
      start = at + 1;
      if (chunk[at] === '\r') {
        if (at + 1 === chunk.length) this.afterCR = true;
        else if (chunk[at + 1] === '\n') start = at + 2;
      }
      breaks.lastIndex = start;
    }
    if (start < chunk.length) this.pieces.push(chunk.slice(start));
    this.scanned += chunk.length;
    return lines;
  }

  /** The last line, when the input does not end with a line break. */
  end(): string[] {
    const last = this.pieces.join('');
    const had = this.pieces.length > 0;
    this.pieces = [];
    return had ? [last] : [];
  }
}
