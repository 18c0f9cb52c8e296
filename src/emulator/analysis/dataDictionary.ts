/** A fixed creation date keeps the codebook byte-identical between runs. */
const CREATED = '2025-01-01T00:00:00.000Z';
const ORDINAL = ['very dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very satisfied', 'poor', 'fair', 'good', 'excellent', 'never', 'rarely', 'sometimes', 'often', 'always'];
const BOOLEAN = new Set(['yes', 'no', 'true', 'false', 'y', 'n', '0', '1']);

export interface DataDictionaryOptions {
  title?: string;
  description?: string;
  context?: string;
  language?: string;
}

/** A DDI-style codebook inferred from a 2D array whose first row holds the headers. */
export function dataDictionary(data: string[][], options: DataDictionaryOptions = {}) {
  const [header = [], ...rows] = data;
  const variables: Record<string, unknown>[] = [];
  const valueDomains: Record<string, unknown>[] = [];
  const categories: Record<string, unknown>[] = [];
  const used = new Set<string>();
  header.forEach((name, col) => {
    const values = rows.map((r) => (r[col] ?? '').trim());
    const present = values.filter((v) => v !== '');
    const variableName = uniqueName(name || `COLUMN_${col + 1}`, used);
    const base = { variableName, variableLabel: name || `Column ${col + 1}`, sourceColumns: name || String(col + 1), position: col + 1 };
    const numbers = present.map(Number).filter((x) => Number.isFinite(x));
    const distinct = [...new Set(present)];
    if (present.length && numbers.length / present.length >= 0.8) {
      variables.push({ ...base, type: 'numeric', scaleLevel: numbers.some((x) => x < 0) ? 'interval' : 'ratio', minValue: Math.min(...numbers), maxValue: Math.max(...numbers) });
    } else if (distinct.length && distinct.every((v) => BOOLEAN.has(v.toLowerCase()))) {
      variables.push({ ...base, type: 'boolean', scaleLevel: 'nominal' });
    } else if (present.length && present.every((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)))) {
      variables.push({ ...base, type: 'date', scaleLevel: 'interval' });
    } else if (distinct.length > 0 && distinct.length <= Math.max(10, rows.length * 0.2)) {
      const ordinal = distinct.every((v) => ORDINAL.includes(v.toLowerCase()));
      const domainId = `vd.${variableName.toLowerCase().replace(/[^a-z_]/g, '_')}`;
      const order = ordinal ? [...distinct].sort((a, b) => ORDINAL.indexOf(a.toLowerCase()) - ORDINAL.indexOf(b.toLowerCase())) : [...distinct].sort();
      valueDomains.push({ valueDomainId: domainId, label: `${base.variableLabel} values`, domainType: 'enumeration', dataType: 'string' });
      order.forEach((code, i) =>
        categories.push({ valueDomainId: domainId, code, label: code, order: i + 1, frequency: present.filter((v) => v === code).length }),
      );
      variables.push({ ...base, type: 'string', scaleLevel: ordinal ? 'ordinal' : 'nominal', valueDomainRef: domainId });
    } else {
      variables.push({ ...base, type: 'text', scaleLevel: 'nominal' });
    }
  });
  const cells = rows.length * header.length;
  const missing = rows.reduce((n, r) => n + r.filter((v) => v.trim() === '').length, 0);
  const duplicateRows = rows.length - new Set(rows.map((r) => JSON.stringify(r))).size;
  return {
    profileVersion: '0.1',
    profileName: 'ResearchWiseAI DDI Profile',
    codebook: {
      title: options.title ?? 'Dataset',
      description: options.description ?? `Codebook of ${rows.length} rows and ${header.length} columns (emulated).`,
      creationDate: CREATED,
      language: options.language ?? 'en',
      variables,
      valueDomains,
      categories,
      qualityMetrics: {
        completeness: cells ? Math.round((1 - missing / cells) * 1e6) / 1e6 : 1,
        consistency: 1,
        duplicateRows,
        totalRows: rows.length,
        totalColumns: header.length,
      },
      generationMethod: 'Rule-based inference (pulse-rx emulator)',
      analysisDate: CREATED,
      ...(options.context ? { processingNotes: `Context: ${options.context}` } : {}),
    },
  };
}

function uniqueName(label: string, used: Set<string>): string {
  let name = label.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[A-Z]/.test(name)) name = `V_${name}`;
  name = name.slice(0, 36) || 'VAR';
  let candidate = name;
  for (let i = 2; used.has(candidate); i++) candidate = `${name}_${i}`;
  used.add(candidate);
  return candidate;
}
