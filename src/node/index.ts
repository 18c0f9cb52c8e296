/**
 * `pulse-rx/node`: Node-only helpers (file readers, keep-alive pools). Never in a browser bundle.
 *
 * @packageDocumentation
 * @module pulse-rx/node
 */
export { readTexts, type ReadTextsOptions } from './readTexts';
export { readTextRecords, type TextRecord, type ReadTextRecordsOptions } from './readTextRecords';
export { recommendedPoolConfig, pooledAxios, type PoolConfig } from './agentPool';
export { readTextsFile } from './readTextsFile';
export { DiskCache } from './DiskCache';
export { FileRunStore } from './FileRunStore';
export { loadWorkflowFile, type LoadWorkflowFileOptions } from './loadWorkflowFile';
export { writeResultsXlsx } from './writeResultsXlsx';
export {
  sentimentAnalysis,
  generateThemes,
  themeAllocation,
  clusterAnalysis,
  summarize,
  compareSimilarity,
  estimateUsage,
  extractElements,
  createEmbeddings,
  type TextsOrFile,
  type FileOptions,
} from './fileStarters';
