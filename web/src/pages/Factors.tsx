/** Emission factor library: search with region and year filters, and a detail panel with the full source. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ResponseOf } from '../../../src/api/contract.js';
import { call } from '../api/client.js';
import { ErrorMessage, Loading, TextField } from '../components/ui.js';
import { number } from '../format.js';
import { useLoad } from '../hooks/useLoad.js';

type Factor = ResponseOf<'getFactor'>;

export function FactorsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? '';
  const year = params.get('year') ?? '';
  const selected = params.get('id') ?? '';
  const [form, setForm] = useState({ q, region, year });
  const list = useLoad((signal) => call('searchFactors', {
    query: { q, region: region || undefined, year: year === '' ? undefined : Number(year), limit: 50 }, signal,
  }), [q, region, year]);
  const detail = useLoad<Factor>((signal) => (selected === '' ? null : call('getFactor', { params: { id: selected }, signal })), [selected]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = new URLSearchParams();
    if (form.q !== '') n.set('q', form.q);
    if (form.region !== '') n.set('region', form.region.toUpperCase());
    if (form.year !== '') n.set('year', form.year);
    setParams(n);
  };
  const open = (id: string) => setParams((p) => { const n = new URLSearchParams(p); n.set('id', id); return n; });

  return (
    <>
      <h1>{t('factors.title')}</h1>
      <form className="filters card" role="search" onSubmit={submit}>
        <TextField label={t('factors.search')} type="search" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        <TextField label={t('factors.region')} value={form.region} hint={t('factors.regionHint')} onChange={(e) => setForm({ ...form, region: e.target.value })} />
        <TextField label={t('factors.year')} type="number" inputMode="numeric" value={form.year} onChange={(e) => setForm({ ...form, year: e.target.value })} />
        <button type="submit" className="primary">{t('factors.searchButton')}</button>
      </form>
      <div className="split">
        <section aria-labelledby="factor-results">
          <h2 id="factor-results">{t('factors.results')}</h2>
          <div aria-live="polite">
            {list.loading ? <Loading /> : <ErrorMessage error={list.error} />}
            {list.data !== undefined && <p className="muted">{t('factors.count', { shown: list.data.factors.length, total: list.data.total })}</p>}
            {list.data?.region_fallback != null && (
              <p className="alert alert-warning" role="note" data-testid="region-fallback">
                {t('factors.regionFallback', { region, regions: list.data.region_fallback.join(', ') })}
              </p>
            )}
          </div>
          {list.data !== undefined && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('factors.results')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('factors.name')}</th>
                    <th scope="col">{t('factors.region')}</th>
                    <th scope="col">{t('factors.year')}</th>
                    <th scope="col" className="num">{t('factors.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.factors.length === 0 && <tr><td colSpan={4} className="empty">{t('factors.none')}</td></tr>}
                  {list.data.factors.map((f) => (
                    <tr key={f.id} aria-current={f.id === selected ? 'true' : undefined}>
                      <td><button type="button" className="button-link" onClick={() => open(f.id)}>{f.name}</button><br /><code className="small">{f.id}</code></td>
                      <td>{f.region}</td>
                      <td>{f.year ?? ''}</td>
                      <td className="num">{number(f.kg_co2e_per_unit, 6)} {t('factors.kgPer', { unit: f.unit })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="factor-detail" className="card detail-panel">
          <h2 id="factor-detail">{t('factors.detail')}</h2>
          {selected === '' && <p className="empty">{t('factors.pick')}</p>}
          {detail.loading && selected !== '' && <Loading />}
          <ErrorMessage error={detail.error} />
          {detail.data !== undefined && selected !== '' && <FactorDetails f={detail.data} />}
        </section>
      </div>
    </>
  );
}

function FactorDetails({ f }: { readonly f: Factor }) {
  const { t } = useTranslation();
  const d = f.dataset;
  return (
    <dl className="facts" data-testid="factor-detail">
      <div><dt>{t('factors.name')}</dt><dd>{f.name}</dd></div>
      <div><dt>{t('factors.id')}</dt><dd><code>{f.id}</code></dd></div>
      <div><dt>{t('factors.activity')}</dt><dd><code>{f.activity}</code></dd></div>
      <div><dt>{t('factors.value')}</dt><dd>{number(f.kg_co2e_per_unit, 6)} {t('factors.kgPer', { unit: f.unit })}</dd></div>
      <div><dt>{t('factors.region')}</dt><dd>{f.region}</dd></div>
      <div><dt>{t('factors.year')}</dt><dd>{f.year ?? ''}</dd></div>
      {f.price_year !== null && <div><dt>{t('factors.priceYear')}</dt><dd>{f.price_year}</dd></div>}
      <div><dt>{t('factors.gwp')}</dt><dd>{f.gwp}</dd></div>
      {f.gases_kg_per_unit !== null && (
        <div><dt>{t('factors.gases')}</dt><dd>{Object.entries(f.gases_kg_per_unit).map(([g, v]) => `${g}: ${number(v, 8)}`).join(' · ')}</dd></div>
      )}
      {f.co2e_kg_per_unit_as_published !== null && <div><dt>{t('factors.asPublished')}</dt><dd>{number(f.co2e_kg_per_unit_as_published, 8)}</dd></div>}
      {f.biogenic_co2_kg_per_unit !== null && <div><dt>{t('factors.biogenic')}</dt><dd>{number(f.biogenic_co2_kg_per_unit, 8)}</dd></div>}
      {f.published_as !== null && <div><dt>{t('factors.publishedAs')}</dt><dd>{f.published_as}</dd></div>}
      {d !== null && <>
        <div><dt>{t('factors.dataset')}</dt><dd>{d.name}</dd></div>
        <div><dt>{t('factors.publisher')}</dt><dd>{d.publisher}</dd></div>
        <div><dt>{t('factors.version')}</dt><dd>{d.version} ({d.year})</dd></div>
        <div><dt>{t('factors.licence')}</dt><dd>{d.licence}</dd></div>
        <div><dt>{t('factors.url')}</dt><dd>{/^https?:\/\//.test(d.url) ? <a href={d.url} target="_blank" rel="noreferrer">{d.url}</a> : d.url}</dd></div>
      </>}
    </dl>
  );
}
