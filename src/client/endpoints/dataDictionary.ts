import { DataDictionaryRequestSchema } from '../../schemas/dataDictionary';
import { LIMITS } from '../../schemas/limits';
import { PulseValidationError } from '../../errors';
import { wireBody, type EndpointDef } from '../EndpointDef';
import { describe, ensure } from '../validate';

const L = LIMITS.dataDictionary;

/** `POST /data-dictionary`: DDI codebook of a rectangular 2D array of strings; jobs only. */
export const dataDictionaryEndpoint: EndpointDef<typeof DataDictionaryRequestSchema, 'data-dictionary'> = {
  path: '/data-dictionary',
  kind: 'data-dictionary',
  request: DataDictionaryRequestSchema,
  modes: 'async',
  fitsSync: () => false,
  validate(req) {
    const rows = req.data.length;
    if (rows < 1) throw new PulseValidationError('data', 'needs at least one row', { limit: 1, value: describe(req.data) });
    ensure(rows <= L.rows, 'data', `takes at most ${L.rows} rows`, L.rows);
    const columns = req.data[0]!.length;
    ensure(columns >= 1, 'data[0]', 'needs at least one column', 1);
    ensure(columns <= L.columns, 'data[0]', `takes at most ${L.columns} columns`, L.columns);
    req.data.forEach((row, i) => {
      if (row.length !== columns) {
        throw new PulseValidationError(`data[${i}]`, `has ${row.length} cells; every row must have ${columns}`, {
          limit: columns,
          value: describe(row),
        });
      }
    });
    ensure(rows * columns <= L.cells, 'data', `has ${rows * columns} cells; at most ${L.cells}`, L.cells);
  },
  toWire: (req) => wireBody({ data: req.data, options: req.options }, false),
};
