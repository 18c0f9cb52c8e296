import { MissingPackageError } from '../errors';

/**
 * `exceljs`, loaded on first use: an optional peer dependency, so a core install (and
 * every bundle) stays without it; missing, it is a `MissingPackageError`.
 */
export async function loadExcel(feature = 'reading .xlsx files (pulse-rx/node)'): Promise<typeof import('exceljs')> {
  try {
    const loaded = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
    return loaded.Workbook ? loaded : loaded.default!;
  } catch (e) {
    const code = (e as { code?: unknown })?.code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') throw new MissingPackageError('exceljs', feature);
    throw e;
  }
}
