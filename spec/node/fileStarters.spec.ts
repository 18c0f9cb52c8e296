import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { PulseValidationError } from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';
import { createEmbeddings, extractElements, sentimentAnalysis, themeAllocation } from 'pulse-rx/node';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

describe('pulse-rx/node starters take a file path', () => {
  it('reads the texts of a CSV column, a JSONL field or plain lines, and analyses them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-files-'));
    writeFileSync(join(dir, 'reviews.csv'), 'id,comment\n1,"Great rides, friendly staff"\n2,Food was cold\n3,"Queues, queues"\n');
    writeFileSync(join(dir, 'reviews.jsonl'), '{"body":"Great rides"}\n{"body":"Food was cold"}\n');
    writeFileSync(join(dir, 'reviews.txt'), 'Great rides\nFood was cold\nStaff were rude\n');
    const emulator = await startEmulator({ port: 0 });
    const client = emulatorClient(emulator);
    try {
      const csv = await firstValueFrom(sentimentAnalysis(join(dir, 'reviews.csv'), { column: 'comment', client }));
      expect(csv.texts).toEqual(['Great rides, friendly staff', 'Food was cold', 'Queues, queues']);
      const jsonl = await firstValueFrom(createEmbeddings(join(dir, 'reviews.jsonl'), { field: 'body', client }));
      expect(jsonl.vectors).toHaveLength(2);
      const txt = await firstValueFrom(extractElements(join(dir, 'reviews.txt'), { dictionary: ['rides', 'food', 'staff'], client }));
      expect(txt.byText()[1]!.food).toHaveLength(1);
      // Arrays still work, and file options never reach the request.
      const allocation = await firstValueFrom(themeAllocation(['Great rides', 'Cold food'], { themes: ['Rides', 'Food'], column: 'x', client }));
      expect(allocation.themes).toEqual(['Rides', 'Food']);

      const missing = await failure<PulseValidationError>(firstValueFrom(sentimentAnalysis(join(dir, 'nope.csv'), { client })));
      expect(missing).toBeInstanceOf(PulseValidationError);
      expect(missing.field).toBe('path');
      const column = await failure<PulseValidationError>(firstValueFrom(sentimentAnalysis(join(dir, 'reviews.csv'), { column: 'text', client })));
      expect(column.field).toBe('column');
      const directory = await failure<PulseValidationError>(firstValueFrom(sentimentAnalysis(dir + '/', { format: 'txt', client })));
      expect(directory.field).toBe('path');
    } finally {
      client.close();
      await emulator.close();
    }
  });
});
