/**
 * Import wizard: 1 file → 2 mapping (saved/built-in or a column map for CSV) → 3 validate (dry run,
 * fix CSV cells in place) → 4 import with live progress and the result.
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BodyOf } from '../../../src/api/contract.js';
import { CANONICAL_FIELDS, IMPORT_KINDS, headerKey, type ImportKind } from '../../../src/app/import/canonical-fields.js';
import { IMPORT_EXTENSIONS } from '../../../src/app/import/file-types.js';
import { call } from '../api/client.js';
import { runImport, type ImportResult, type Progress } from '../api/importJob.js';
import { ImportHistory } from '../components/import/ImportHistory.js';
import { RowErrors, type Edits } from '../components/import/RowErrors.js';
import { RowPreview } from '../components/import/RowPreview.js';
import { SaveMappingForm } from '../components/import/SaveMappingForm.js';
import { ErrorMessage } from '../components/ui.js';
import { base64ToText, parseCsv, readFileBase64, serializeCsv, textToBase64 } from '../csv.js';
import { number, percent } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';
import { importKindLabel, importStatusLabel } from '../i18n/labels.js';

interface Source {
  readonly name: string;
  readonly base64: string;
  /** Parsed rows (header first) for CSV files; null for XLSX and JSON. */
  readonly csv: string[][] | null;
}

type Step = 1 | 2 | 3 | 4;
type Mode = 'named' | 'columns';

export function ImportPage() {
  const { t } = useTranslation();
  const { org = '' } = useParams();
  const mappings = useLoad((signal) => call('listMappings', { params: { org }, signal }), [org]);
  const [step, setStep] = useState<Step>(1);
  const [source, setSource] = useState<Source | null>(null);
  const [readError, setReadError] = useState<unknown>(undefined);
  const [mode, setMode] = useState<Mode>('named');
  const [mappingName, setMappingName] = useState('canonical');
  const [kind, setKind] = useState<ImportKind | ''>('');
  const [columnMap, setColumnMap] = useState<Record<string, string>>({});
  const [quarantine, setQuarantine] = useState(false);
  const [allowRepeats, setAllowRepeats] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [dryRun, setDryRun] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [edits, setEdits] = useState<Edits>({});

  const headers = source?.csv?.[0] ?? [];
  const fieldsKind: ImportKind = kind === '' ? 'activities' : kind;

  const chooseFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setReadError(undefined);
    setDryRun(null);
    setResult(null);
    setEdits({});
    if (file === undefined) {
      setSource(null);
      return;
    }
    try {
      const base64 = await readFileBase64(file);
      const csv = /\.csv$/i.test(file.name) ? parseCsv(base64ToText(base64)) : null;
      setSource({ name: file.name, base64, csv });
      if (csv !== null) setColumnMap(guessColumns(csv[0] ?? [], fieldsKind));
      else setMode('named');
    } catch (err) {
      setSource(null);
      setReadError(err);
    }
  };

  /** The column map as a mapping definition (inline for an import, or saved under a name). */
  const columnMapping: BodyOf<'saveMapping'> = {
    columns: Object.fromEntries(Object.entries(columnMap).filter(([, f]) => f !== '')), ...(kind === '' ? {} : { kind }), extra_columns: 'ignore',
  };

  const body = (s: Source, dry: boolean): BodyOf<'startImport'> => ({
    file_name: s.name,
    content_base64: s.base64,
    mapping: mode === 'columns' ? columnMapping : mappingName,
    ...(kind === '' ? {} : { kind }),
    quarantine,
    allow_repeats: allowRepeats,
    dry_run: dry,
  });

  const run = async (s: Source, dry: boolean) => {
    setRunning(true);
    setError(undefined);
    setProgress({ bytes: 0, total: 0 });
    try {
      const r = await runImport(org, body(s, dry), setProgress);
      if (dry) {
        setDryRun(r);
        setEdits({});
      } else setResult(r);
    } catch (err) {
      setError(err);
    } finally {
      setRunning(false);
    }
  };

  /** Source column of a canonical field: the column mapped to it, or the column named like it. */
  const columnOf = (field: string): number | null => {
    const key = headerKey(field);
    const mapped = mode === 'columns' ? headers.findIndex((h) => columnMap[h] === field) : -1;
    if (mapped >= 0) return mapped;
    const named = headers.findIndex((h) => headerKey(h) === key);
    return named >= 0 ? named : null;
  };

  const applyFixes = async () => {
    if (source?.csv == null) return;
    const rows = source.csv.map((r) => [...r]);
    for (const [k, v] of Object.entries(edits)) {
      const [ri, ci] = k.split(':').map(Number) as [number, number];
      const row = rows[ri];
      if (row !== undefined) {
        while (row.length <= ci) row.push('');
        row[ci] = v;
      }
    }
    const fixed: Source = { name: source.name, csv: rows, base64: textToBase64(serializeCsv(rows)) };
    setSource(fixed);
    await run(fixed, true);
  };

  const reset = () => {
    setStep(1);
    setSource(null);
    setDryRun(null);
    setResult(null);
    setError(undefined);
    setProgress(null);
    setEdits({});
  };

  const steps = [t('import.step1'), t('import.step2'), t('import.step3'), t('import.step4')];
  const pct = progress !== null && progress.total > 0 ? Math.min(100, Math.round((progress.bytes / progress.total) * 100)) : null;
  const progressBar = running && (
    <div className="progress" aria-live="polite" data-testid="import-progress">
      <label htmlFor="import-progress-bar">{t('import.progress')}</label>
      <progress id="import-progress-bar" max={100} value={pct ?? undefined}>{pct === null ? '' : percent(pct, 0)}</progress>
      <span>{pct === null ? t('common.working') : percent(pct, 0)}</span>
    </div>
  );

  return (
    <>
      <h1>{t('import.title')}</h1>
      <ol className="steps" aria-label={t('import.stepsLabel')}>
        {steps.map((s, i) => <li key={s} aria-current={step === i + 1 ? 'step' : undefined} className={step === i + 1 ? 'current' : step > i + 1 ? 'done' : undefined}>{s}</li>)}
      </ol>

      {step === 1 && (
        <section className="card" aria-labelledby="step1-h" data-testid="import-step-1">
          <h2 id="step1-h">{t('import.step1')}</h2>
          <div className="field">
            <label htmlFor="import-file">{t('import.fileLabel')}</label>
            <input id="import-file" type="file" accept={`${Object.keys(IMPORT_EXTENSIONS).map((e) => `.${e}`).join(',')},text/csv,application/json`} onChange={(e) => void chooseFile(e)} />
          </div>
          <div aria-live="polite">
            <ErrorMessage error={readError} />
            {source !== null && <p>{t('import.chosen', { name: source.name })}{source.csv !== null && ` ${t('import.csvSummary', { columns: headers.length, rows: Math.max(0, source.csv.length - 1) })}`}</p>}
          </div>
          <div className="actions">
            <button type="button" className="primary" disabled={source === null} onClick={() => setStep(2)}>{t('common.next')}</button>
          </div>
        </section>
      )}

      {step === 2 && source !== null && (
        <section className="card" aria-labelledby="step2-h" data-testid="import-step-2">
          <h2 id="step2-h">{t('import.step2')}</h2>
          {source.csv !== null && <RowPreview csv={source.csv} />}
          <fieldset>
            <legend>{t('import.mappingMode')}</legend>
            <label className="choice"><input type="radio" name="mode" value="named" checked={mode === 'named'} onChange={() => setMode('named')} /> {t('import.useMapping')}</label>
            <label className="choice">
              <input type="radio" name="mode" value="columns" checked={mode === 'columns'} disabled={source.csv === null} onChange={() => setMode('columns')} /> {t('import.mapColumns')}
            </label>
            {source.csv === null && <p className="hint">{t('import.mapColumnsCsvOnly')}</p>}
          </fieldset>
          <div className="field">
            <label htmlFor="import-kind">{t('import.kindLabel')}</label>
            <select id="import-kind" value={kind} onChange={(e) => {
              const k = e.target.value as ImportKind | '';
              setKind(k);
              if (source.csv !== null) setColumnMap(guessColumns(headers, k === '' ? 'activities' : k));
            }}>
              <option value="">{t('import.kindAuto')}</option>
              {IMPORT_KINDS.map((k) => <option key={k} value={k}>{importKindLabel(t, k)}</option>)}
            </select>
          </div>
          {mode === 'named' ? (
            <div className="field">
              <label htmlFor="import-mapping">{t('import.mappingLabel')}</label>
              <select id="import-mapping" value={mappingName} onChange={(e) => setMappingName(e.target.value)}>
                {!(mappings.data?.mappings ?? []).some((m) => m.name === 'canonical') && <option value="canonical">canonical</option>}
                {(mappings.data?.mappings ?? []).map((m) => (
                  <option key={m.name} value={m.name}>{m.builtin ? t('import.builtinMapping', { name: m.name }) : t('import.savedMapping', { name: m.name })}</option>
                ))}
              </select>
              <p className="hint">{mappings.data?.mappings.find((m) => m.name === mappingName)?.description ?? ''}</p>
              <ErrorMessage error={mappings.error} />
            </div>
          ) : (
            <>
              <div className="table-wrap">
                <table data-testid="column-map">
                  <caption>{t('import.columnMapCaption')}</caption>
                  <thead><tr><th scope="col">{t('import.sourceColumn')}</th><th scope="col">{t('import.canonicalField')}</th></tr></thead>
                  <tbody>
                    {headers.map((h, i) => (
                      <tr key={`${h}-${i}`}>
                        <th scope="row"><label htmlFor={`map-${i}`}>{h}</label></th>
                        <td>
                          <select id={`map-${i}`} value={columnMap[h] ?? ''} onChange={(e) => setColumnMap({ ...columnMap, [h]: e.target.value })}>
                            <option value="">{t('import.ignoreColumn')}</option>
                            {CANONICAL_FIELDS[fieldsKind].map((f) => <option key={f} value={f}>{f}</option>)}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <SaveMappingForm org={org} mapping={columnMapping} onSaved={(name) => { setMappingName(name); mappings.reload(); }} />
            </>
          )}
          <label className="choice"><input type="checkbox" checked={quarantine} onChange={(e) => setQuarantine(e.target.checked)} /> {t('import.quarantine')}</label>
          {(kind === '' || kind === 'activities') && (
            <label className="choice"><input type="checkbox" checked={allowRepeats} onChange={(e) => setAllowRepeats(e.target.checked)} /> {t('import.allowRepeats')}</label>
          )}
          <div className="actions">
            <button type="button" onClick={() => setStep(1)}>{t('common.back')}</button>
            <button type="button" className="primary" onClick={() => { setStep(3); void run(source, true); }}>{t('import.validate')}</button>
          </div>
        </section>
      )}

      {step === 3 && source !== null && (
        <section className="card" aria-labelledby="step3-h" data-testid="import-step-3">
          <h2 id="step3-h">{t('import.step3')}</h2>
          {progressBar}
          <div aria-live="polite">
            <ErrorMessage error={error} />
            {dryRun !== null && !running && (
              <p className={dryRun.status !== 'valid' ? 'alert alert-error' : dryRun.rows_quarantined > 0 ? 'alert alert-warning' : 'alert alert-success'}
                data-testid="dry-run-status" data-status={dryRun.status}>
                {dryRun.status !== 'valid'
                  ? t('import.invalidMessage', { status: importStatusLabel(t, dryRun.status), errors: number(dryRun.error_count, 0), rows: number(dryRun.rows_total, 0) })
                  : dryRun.rows_quarantined > 0 && dryRun.rows_imported === 0
                    ? t('import.noneValid', { rows: number(dryRun.rows_total, 0) })
                  : dryRun.rows_quarantined > 0
                    ? t('import.validWithQuarantine', { good: number(dryRun.rows_imported, 0), rows: number(dryRun.rows_total, 0), bad: number(dryRun.rows_quarantined, 0) })
                    : t('import.validMessage', { rows: number(dryRun.rows_total, 0) })}
              </p>
            )}
          </div>
          {dryRun !== null && !running && dryRun.errors.length > 0 && (
            <>
              {source.csv !== null && <p className="hint">{t('import.fixHint')}</p>}
              <RowErrors result={dryRun} csv={source.csv} columnOf={source.csv === null ? null : columnOf} edits={edits}
                onEdit={(k, v) => setEdits({ ...edits, [k]: v })} />
            </>
          )}
          <div className="actions">
            <button type="button" onClick={() => setStep(2)} disabled={running}>{t('common.back')}</button>
            {source.csv !== null && dryRun !== null && dryRun.errors.length > 0 && (
              <button type="button" onClick={() => void applyFixes()} disabled={running || Object.keys(edits).length === 0}>{t('import.applyFixes')}</button>
            )}
            <button type="button" onClick={() => void run(source, true)} disabled={running}>{t('import.validateAgain')}</button>
            <button type="button" className="primary" disabled={running || dryRun === null || (dryRun.status !== 'valid' && !quarantine)}
              onClick={() => { setStep(4); setError(undefined); void run(source, false); }}>{t('import.importButton')}</button>
          </div>
        </section>
      )}

      {step === 4 && source !== null && (
        <section className="card" aria-labelledby="step4-h" data-testid="import-step-4">
          <h2 id="step4-h">{t('import.step4')}</h2>
          {progressBar}
          <div aria-live="polite">
            <ErrorMessage error={error} />
            {result !== null && (
              <div data-testid="import-result" data-status={result.status}>
                <p className={result.status === 'rejected' ? 'alert alert-error' : 'alert alert-success'}>{importStatusLabel(t, result.status)}</p>
                <dl className="facts">
                  <div><dt>{t('import.rowsImported')}</dt><dd data-testid="rows-imported">{number(result.rows_imported, 0)}</dd></div>
                  <div><dt>{t('import.rowsQuarantined')}</dt><dd>{number(result.rows_quarantined, 0)}</dd></div>
                  <div><dt>{t('import.calcVersion')}</dt><dd data-testid="calc-version">{result.calc_version ?? t('common.none')}</dd></div>
                  {result.batch_id !== null && <div><dt>{t('import.batch')}</dt><dd>{result.batch_id}</dd></div>}
                </dl>
                {result.errors.length > 0 && <RowErrors result={result} csv={null} columnOf={null} edits={{}} onEdit={() => undefined} />}
              </div>
            )}
          </div>
          {!running && (
            <div className="actions">
              <Link className="button primary" to={`/orgs/${encodeURIComponent(org)}/dashboard`}>{t('import.toDashboard')}</Link>
              <button type="button" onClick={reset}>{t('import.another')}</button>
            </div>
          )}
        </section>
      )}

      <ImportHistory org={org} refresh={result?.batch_id ?? null} />
    </>
  );
}

function guessColumns(headers: readonly string[], kind: ImportKind): Record<string, string> {
  const fields = CANONICAL_FIELDS[kind];
  return Object.fromEntries(headers.map((h) => [h, fields.includes(headerKey(h)) ? headerKey(h) : '']));
}
