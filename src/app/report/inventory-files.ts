/**
 * @module report/inventory-files
 * The inventory tables as CSV text or an XLSX workbook: the CLI writes them to a file, the API
 * sends them as a download. Same tables, same figures as the JSON.
 */
import ExcelJS from 'exceljs';
import type { Table } from './inventory-table.js';

const csvCell = (v: string | number | null): string => (v === null ? '' : typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function inventoryCsv(tables: readonly Table[]): string {
  return tables.map((tb) => [`# ${tb.name}`, tb.header.join(','), ...tb.rows.map((row) => row.map(csvCell).join(','))].join('\n')).join('\n\n') + '\n';
}

export function inventoryWorkbook(tables: readonly Table[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const tb of tables) {
    const ws = wb.addWorksheet(tb.name);
    ws.addRow([...tb.header]).font = { bold: true };
    for (const row of tb.rows) ws.addRow([...row]);
  }
  return wb;
}
