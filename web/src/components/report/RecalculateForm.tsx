/** "Make a new calculation version": recalculates every record under a GWP set, with the reason recorded. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../hooks/useSubmit.js';
import type { BodyOf, ResponseOf } from '../../../../src/api/contract.js';
import { call } from '../../api/client.js';
import { number } from '../../format.js';
import { ErrorMessage, SelectField, TextField, fieldError } from '../ui.js';

type Gwp = NonNullable<BodyOf<'recalculate'>['gwp']>;
const GWP_SETS: readonly Gwp[] = ['AR4', 'AR5', 'AR6'];
const isGwp = (g: string | undefined): g is Gwp => GWP_SETS.some((x) => x === g);

interface Props {
  readonly org: string;
  /** The GWP set of the version shown now, preselected. */
  readonly currentGwp: string | undefined;
  readonly onDone: (r: ResponseOf<'recalculate'>) => void;
}

export function RecalculateForm({ org, currentGwp, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  /** null: follow the version shown (it loads after this form). */
  const [chosen, setGwp] = useState<Gwp | null>(null);
  const gwp: Gwp = chosen ?? (isGwp(currentGwp) ? currentGwp : 'AR5');
  const [done, setDone] = useState<ResponseOf<'recalculate'> | null>(null);
  const { error, busy, submit } = useSubmit(() => call('recalculate', { params: { org }, body: { reason, gwp } }), (r) => {
    setDone(r);
    setReason('');
    onDone(r);
  });

  return (
    <form className="card form no-print" aria-labelledby="recalc-h" data-testid="recalc-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="recalc-h">{t('recalc.title')}</h2>
      <p className="hint">{t('recalc.intro')}</p>
      <div aria-live="polite">
        <ErrorMessage error={error} />
        {done !== null && (
          <p className="alert alert-success" data-testid="recalc-result" data-version={done.version_id}>
            {t('recalc.done', { id: done.version_id, records: number(done.records, 0) })}
          </p>
        )}
      </div>
      <TextField label={t('recalc.reason')} hint={t('recalc.reasonHint')} value={reason} maxLength={500} required
        error={fieldError(error, 'reason')} onChange={(e) => setReason(e.target.value)} />
      <SelectField label={t('recalc.gwp')} hint={t('recalc.gwpHint')} value={gwp} onChange={(e) => setGwp(isGwp(e.target.value) ? e.target.value : 'AR5')}>
        {GWP_SETS.map((g) => <option key={g} value={g}>{g}</option>)}
      </SelectField>
      <button type="submit" className="primary" disabled={busy || reason.trim() === ''}>{busy ? t('common.working') : t('recalc.button')}</button>
    </form>
  );
}
