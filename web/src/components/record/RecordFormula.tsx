/**
 * A record's calculation (src/app/ledger/record-formula.ts) as the reader's language writes it:
 * quantity, the quantity in the factor's unit, the factor (its gases × GWP, or CO2e as published),
 * the result, and the notes beside them (how the factor was chosen, why a market-based figure has
 * no parts, from their kinds and values); the market-based parts for Scope 2.
 */
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../src/api/contract.js';
import { number, significant } from '../../format.js';
import { marketNoteLabel, marketStepLabel, selectionStepLabel } from '../../i18n/labels.js';

type Trace = ResponseOf<'explainRecord'>;
type Formula = NonNullable<Trace['formula']>;
type MarketPart = NonNullable<NonNullable<Trace['result']>['market_parts']>[number];


/** `differs`: the stored result is another figure (the library changed since the version): this one is today's recomputation. */
export function RecordFormula({ formula: f, parts, differs }: { readonly formula: Formula; readonly parts: readonly MarketPart[]; readonly differs: boolean }) {
  const { t } = useTranslation();
  const amount = f.conversion?.amount ?? f.quantity;
  const perUnit = `kg CO₂e/${f.factor_unit}`;
  const gases = f.gases.map((g) => `${g.species} ${significant(g.kg)} kg × GWP ${significant(g.gwp)}`).join(' + ');
  return (
    <>
      <dl className="facts formula" data-testid="record-formula">
        <div><dt>{t('record.formula.quantity')}</dt><dd>{significant(f.quantity)} {f.unit}</dd></div>
        {f.conversion !== null && (
          <div><dt>{t('record.formula.converted')}</dt><dd>{significant(f.quantity)} {f.unit} × {significant(f.conversion.per_unit)} {f.factor_unit}/{f.unit} = {significant(f.conversion.amount)} {f.factor_unit}</dd></div>
        )}
        <div>
          <dt>{t('record.formula.rate')}</dt>
          <dd>
            {f.published_co2e ? `${significant(f.kg_co2e_per_unit)} ${perUnit}` : `(${gases}) = ${significant(f.kg_co2e_per_unit)} ${perUnit} (${f.gwp_set})`}
            {f.published_co2e && <><br /><span className="hint">{t('record.formula.publishedCo2e', { basis: f.gwp_basis ?? t('record.formula.basisUnstated') })}</span></>}
          </dd>
        </div>
        <div>
          <dt>{t('record.formula.result')}</dt>
          <dd>
            <span data-testid="formula-result">{significant(amount)} {f.factor_unit} × {significant(f.kg_co2e_per_unit)} {perUnit} = {number(f.co2e_kg, 3)} kg CO₂e</span>
            {differs && <><br /><span className="hint">{t('record.formula.recomputed')}</span></>}
          </dd>
        </div>
        {f.market !== null && (
          <div>
            <dt>{t('record.formula.market')}</dt>
            <dd>
              {f.market.note !== null ? <>{number(f.market.co2e_kg, 3)} kg CO₂e: {marketNoteLabel(t, f.market.note)}</> : (
                <ul>
                  {parts.map((p, i) => <li key={i}>{significant(p.mwh)} MWh × {significant(p.kg_co2e_per_mwh)} kg/MWh ({marketStepLabel(t, p.step)}: {p.source})</li>)}
                  <li>= {number(f.market.co2e_kg, 3)} kg CO₂e</li>
                </ul>
              )}
            </dd>
          </div>
        )}
      </dl>
      {(f.selection.length > 0 || f.price_year_assumed !== null || f.biogenic_co2_kg !== 0) && (
        <ul className="notes">
          {f.selection.length > 0 && <li>{t('record.formula.selection')}: <span data-testid="selection-steps">{f.selection.map((step) => selectionStepLabel(t, step)).join('; ')}</span></li>}
          {f.price_year_assumed !== null && <li>{t('record.formula.priceYear', { year: f.price_year_assumed, unit: f.factor_unit })}</li>}
          {f.biogenic_co2_kg !== 0 && <li>{t('record.formula.biogenic', { kg: number(f.biogenic_co2_kg, 3) })}</li>}
        </ul>
      )}
    </>
  );
}
