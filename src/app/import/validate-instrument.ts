/**
 * @module import/validate-instrument
 * One mapped instrument row → an instrument in MWh and kg CO2e/MWh, with the same rules as the calc
 * format (to-domain's `toInstrument`). An instrument id is claimed once per organisation: an id
 * already stored, or repeated in the file, is refused (it would be counted twice).
 */
import { INSTRUMENT_KINDS, type InstrumentKind } from '../../core/index.js';
import { InputFieldError, toInstrument } from '../calc/to-domain.js';
import type { RowReader } from './cells.js';
import type { InstrumentRecordInput } from './import-store.js';

export function instrumentValidator(existing: Iterable<string>): (r: RowReader, row: number) => InstrumentRecordInput | null {
  // Ids seen: the organisation's instruments plus this file's, a set the size of the instrument register.
  const seen = new Map<string, number | null>([...existing].map((id) => [id, null]));
  return (r, row) => {
    const id = r.text('id', true);
    if (id !== null && seen.has(id)) {
      const at = seen.get(id);
      if (at == null) r.fail('id', 'instrumentImported', { id });
      else r.fail('id', 'instrumentRepeated', { id, row: at });
    }
    const kind = r.text('kind', true);
    if (kind !== null && !(INSTRUMENT_KINDS as readonly string[]).includes(kind)) r.fail('kind', 'notOneOf', { value: JSON.stringify(kind), allowed: INSTRUMENT_KINDS.join(', ') });
    const market = r.text('market', true);
    const quantity = r.number('quantity');
    if (quantity !== null && quantity <= 0) r.fail('quantity', 'notPositive');
    const co2e = r.number('co2e', true);
    if (co2e !== null && co2e < 0) r.fail('co2e', 'negative');
    const co2eUnit = r.text('co2e_unit', true);
    const vintage = r.integer('vintage', 1900, 2200, true);
    const retired = r.boolean('retired');
    if (r.errors.length > 0) return null;
    try {
      const instrument = toInstrument({
        id: id as string, kind: kind as InstrumentKind, market: market as string, quantity, unit: r.text('unit'),
        co2e: co2e as number, co2e_unit: co2eUnit as string, vintage: vintage as number,
        supplier: r.text('supplier'), serial: r.text('serial'), retired,
      });
      seen.set(instrument.id, row);
      return { ...instrument, rowNumber: row };
    } catch (e) {
      if (!(e instanceof InputFieldError)) throw e;
      r.failText(e.field, e.reason);
      return null;
    }
  };
}
