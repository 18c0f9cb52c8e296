import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, toArray } from 'rxjs';
import { PulseValidationError } from 'pulse-rx';
import { readTextRecords, readTexts, type ReadTextsOptions } from 'pulse-rx/node';
import { LineSplitter } from '../../src/node/LineSplitter';
import { failure } from '../helpers/failure';

// Issue 13.7: the file readers on hostile input. Every problem is a typed error in the
// stream, never a crash of the process, a hang or a silent wrong answer.
const dir = mkdtempSync(join(tmpdir(), 'pulse-hostile-readers-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const read = (path: string, options: ReadTextsOptions = {}) => firstValueFrom(readTexts(path, options).pipe(toArray()));
const MB = 1024 * 1024;

describe('hostile input to the readers', () => {
  it('one 20 MB line costs work linear in its length (each chunk scanned once), and arrives whole', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (let i = 0; i < 320; i++) lines.push(...splitter.push(chunk)); // 20 MB, as a file stream delivers it
    lines.push(...splitter.push('\nnext'), ...splitter.end());
    expect(lines.map((l) => l.length)).toEqual([20 * MB, 4]);
    // Re-splitting `rest + chunk` on each chunk examined ~320 * 10 MB = 3.4 GB of characters here.
    expect(splitter.scanned).toBe(20 * MB + 5);

    const texts = await read(file('long.txt', `${'y'.repeat(20 * MB)}\nshort\n`));
    expect(texts.map((t) => t.length)).toEqual([20 * MB, 5]);
    const field = await read(file('long.csv', `id,comment\n1,"${'z'.repeat(8 * MB)}"\n2,short\n`), { column: 'comment' });
    expect(field.map((t) => t.length)).toEqual([8 * MB, 5]);
  }, 60_000); // tens of MB through a parser on a loaded machine; the work is pinned by count above

  it('an unknown format errors the stream (format), it does not crash the process', async () => {
    const e = await failure<PulseValidationError>(read(file('a.xml', '<a/>'), { format: 'xml' as never }));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e).toMatchObject({ field: 'format', value: 'xml' });
  });

  it.each([[5], [undefined], [''], [{ path: 'a.txt' }]])('a path that is not a string (%p) is PulseValidationError(path), never a TypeError', async (path) => {
    const e = await failure<PulseValidationError>(read(path as never));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.field).toBe('path');
  });

  it('an unterminated CSV quote is an error naming the line where it opened, not one swallowed text', async () => {
    const path = file('open-quote.csv', 'id,comment\n1,fine\n2,"never closed\n3,more\n4,and more\n');
    const e = await failure<PulseValidationError>(read(path, { column: 'comment' }));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.field).toBe('line 3');
    expect(e.message).toContain('unterminated quote');
  });

  it('lone-CR line endings (old Mac, some exports) give one text per line, in .txt and .csv', async () => {
    expect(await read(file('cr.txt', 'one\rtwo\r\rthree'))).toEqual(['one', 'two', 'three']);
    expect(await read(file('cr.csv', 'id,comment\r1,one\r2,"two\rlines"\r3,three\r'), { column: 'comment' })).toEqual(['one', 'two\rlines', 'three']);
    const lines = await firstValueFrom(readTextRecords(file('cr2.txt', 'a\rb\r\nc\nd'), {}).pipe(toArray()));
    expect(lines).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 2 },
      { text: 'c', line: 3 },
      { text: 'd', line: 4 },
    ]);
    // A CRLF split between two chunks is one line break, not two.
    const splitter = new LineSplitter();
    expect([...splitter.push('a\r'), ...splitter.push('\nb'), ...splitter.end()]).toEqual(['a', 'b']);
  });

  it('a binary file (NUL bytes, or bytes that are not UTF-8) is refused as not text', async () => {
    const nul = await failure<PulseValidationError>(read(file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))));
    expect(nul).toMatchObject({ name: 'PulseValidationError', field: 'path' });
    expect(nul.message).toContain('is not UTF-8 text');
    const latin1 = await failure<PulseValidationError>(read(file('latin1.csv', Buffer.from('comment\ncaf\xe9 cr\xe8me\n', 'latin1'))));
    expect(latin1).toMatchObject({ field: 'path' });
    // A character cut by the first chunk's end is still text.
    const cut = `${'a'.repeat(64 * 1024 - 1)}é\nsecond`;
    expect((await read(file('cut.txt', cut))).map((t) => t.length)).toEqual([64 * 1024, 6]);
  });

  it('a bad JSONL line and an unknown column are typed errors naming them', async () => {
    await expect(read(file('bad.jsonl', '{"text":"ok"}\n\n{oops\n'))).rejects.toMatchObject({ name: 'PulseValidationError', field: 'line 3' });
    await expect(read(file('nofield.jsonl', '{"body":"ok"}\n'))).rejects.toMatchObject({ field: 'line 1' });
    await expect(read(file('cols.csv', 'id,body\n1,x\n'), { column: 7 })).rejects.toMatchObject({ field: 'column' });
  });
});
