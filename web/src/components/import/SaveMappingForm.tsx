/** "Save this mapping as": stores the wizard's column map as a named mapping for later imports. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../../../src/api/contract.js';
import { call } from '../../api/client.js';
import { ErrorMessage, TextField } from '../ui.js';

interface Props {
  readonly org: string;
  readonly mapping: BodyOf<'saveMapping'>;
  /** Called with the saved name (the caller reloads the list of mappings). */
  readonly onSaved: (name: string) => void;
}

export function SaveMappingForm({ org, mapping, onSaved }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (n === '') return;
    setBusy(true);
    setError(undefined);
    setSaved(null);
    try {
      const r = await call('saveMapping', { params: { org, name: n }, body: mapping });
      setSaved(r.name);
      onSaved(r.name);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" data-testid="save-mapping-form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField label={t('import.saveMappingAs')} hint={t('import.saveMappingHint')} value={name} maxLength={63}
        autoComplete="off" spellCheck={false} onChange={(e) => { setName(e.target.value); setSaved(null); }} />
      <button type="submit" disabled={busy || name.trim() === ''}>{t('import.saveMappingButton')}</button>
      <div aria-live="polite" className="inline-form-status">
        <ErrorMessage error={error} />
        {saved !== null && <p className="alert alert-success" data-testid="mapping-saved">{t('import.mappingSaved', { name: saved })}</p>}
      </div>
    </form>
  );
}
