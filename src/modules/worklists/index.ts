/** Bulk changes and CSV export of record lists; reporting writes its tables with the same CSV cells. */
export { csvLine } from './csv.ts';
