/**
 * @module import/file-types
 * The files an import reads, by the end of their name (docs/import.md): one list for the reader,
 * the API's check of an upload's name and the web app's file picker.
 */
export type SourceFormat = 'csv' | 'xlsx' | 'json';

export const IMPORT_EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  csv: 'csv', txt: 'csv', xlsx: 'xlsx', json: 'json', ndjson: 'json', jsonl: 'json',
};

/** `.csv, .txt, .xlsx, .json, .ndjson or .jsonl` */
export const IMPORT_EXTENSIONS_TEXT = Object.keys(IMPORT_EXTENSIONS).map((e) => `.${e}`).join(', ').replace(/, ([^,]*)$/, ' or $1');

/** The format of a file by the end of its name, or null for a name no reader takes. */
export function sourceFormatOf(fileName: string): SourceFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext === undefined ? null : (IMPORT_EXTENSIONS[ext] ?? null);
}
