/** "Save this mapping as": stores the wizard's column map as a named mapping for later imports. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../../../src/api/contract.js';
import { call } from '../../api/client.js';
import { useSubmit } from '../../hooks/useSubmit.js';
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
  const [saved, setSaved] = useState<string | null>(null);
  // The button is disabled while the name is blank, so a submit always has one.
  const { error, busy, submit } = useSubmit(() => call('saveMapping', { params: { org, name: name.trim() }, body: mapping }), (r) => {
    setSaved(r.name);
    onSaved(r.name);
  });

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
