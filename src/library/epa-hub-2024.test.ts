import { describe, expect, it } from 'vitest';
import type { EmissionFactor } from '../core/factors/factor.js';
import { co2eOf, speciesKey } from '../core/gwp/gwp.js';
import { cell, readCsv } from './csv.js';
import { HUB_DIR } from './epa-hub-common.js';
import { loadEpaHub2024 } from './epa-hub-2024.js';
import { loadGwpSets } from './gwp-sets.js';
import { defaultDataDir } from './load-library.js';

const dataDir = defaultDataDir();
const hub = loadEpaHub2024(dataDir);
const byId = new Map(hub.factors.map((f) => [f.id, f]));

function factor(id: string): EmissionFactor {
  const f = byId.get(id);
  if (f === undefined) throw new Error(`no factor ${id}`);
  return f;
}

describe('EPA Hub 2024 Table 1, stationary combustion', () => {
  it('natural gas: 53.06 kg CO2/mmBtu and 0.05444 kg CO2/scf', () => {
    // EPA GHG Emission Factors Hub 2024, Table 1, Natural Gas: 53.06 kg CO2, 1 g CH4, 0.1 g N2O per mmBtu.
    expect(factor('epa-hub-2024/t1/natural-gas/mmBtu')).toMatchObject({
      activity: 'fuel.natural-gas',
      unit: 'mmBtu',
      region: 'US',
      year: 2024,
      gases: { CO2: 53.06, CH4: 0.001, N2O: 0.0001 },
    });
    // Same table, per scf: 0.05444 kg CO2, 0.00103 g CH4, 0.0001 g N2O.
    expect(factor('epa-hub-2024/t1/natural-gas/scf').gases).toEqual({ CO2: 0.05444, CH4: 0.00000103, N2O: 1e-7 });
  });

  it('distillate fuel oil No. 2: per mmBtu and per gallon', () => {
    // Table 1: 73.96 kg CO2/mmBtu; 10.21 kg CO2, 0.41 g CH4, 0.08 g N2O per gallon.
    expect(factor('epa-hub-2024/t1/distillate-fuel-oil-no-2/mmBtu').gases?.CO2).toBe(73.96);
    expect(factor('epa-hub-2024/t1/distillate-fuel-oil-no-2/gal')).toMatchObject({
      activity: 'fuel.distillate-fuel-oil-no-2',
      gases: { CO2: 10.21, CH4: 0.00041, N2O: 0.00008 },
    });
  });

  it('biomass CO2 is biogenic, its CH4 and N2O stay in gases', () => {
    // Table 1, Biomass Fuels - Solid, Wood and Wood Residuals: 93.8 kg CO2, 7.2 g CH4, 3.6 g N2O per mmBtu.
    const wood = factor('epa-hub-2024/t1/wood-and-wood-residuals/mmBtu');
    expect(wood.biogenicCo2).toBe(93.8);
    expect(wood.gases).toEqual({ CH4: 0.0072, N2O: 0.0036 });
  });

  it('Kraft pulping liquor has only per-mmBtu factors', () => {
    // Table 1 prints no heat content or per-unit values for the Kraft liquor rows.
    expect(factor('epa-hub-2024/t1/north-american-softwood/mmBtu').biogenicCo2).toBe(94.4);
    expect(hub.skipped['table 1: no per-physical-unit values (Kraft pulping liquor)']).toBe(5);
  });
});

describe('EPA Hub 2024 Tables 2–5, mobile combustion', () => {
  it('diesel 10.21 and motor gasoline 8.78 kg CO2/gal', () => {
    // Table 2, Mobile Combustion CO2: Diesel Fuel 10.21, Motor Gasoline 8.78 kg CO2 per gallon.
    expect(factor('epa-hub-2024/t2/diesel-fuel/gal')).toMatchObject({ activity: 'mobile.diesel-fuel', gases: { CO2: 10.21 } });
    expect(factor('epa-hub-2024/t2/motor-gasoline/gal').gases).toEqual({ CO2: 8.78 });
  });

  it('B100 CO2 is biogenic (Table 1 lists biodiesel as a biomass fuel)', () => {
    // Table 2: Biodiesel (100%) 9.45 kg CO2 per gallon.
    expect(factor('epa-hub-2024/t2/biodiesel-100pct/gal')).toMatchObject({ biogenicCo2: 9.45 });
    expect(factor('epa-hub-2024/t2/biodiesel-100pct/gal').gases).toBeUndefined();
  });

  it('CH4/N2O per vehicle-mile by model year and per gallon for non-road', () => {
    // Table 3: Gasoline Passenger Cars, model year 2021: 0.00505 g CH4, 0.001412 g N2O per vehicle-mile.
    expect(factor('epa-hub-2024/t3/gasoline-passenger-cars/2021')).toMatchObject({
      activity: 'mobile.gasoline-passenger-cars.2021.ch4-n2o',
      unit: 'vmi',
      gases: { CH4: 0.00000505, N2O: 0.000001412 },
    });
    // Table 4: Buses, CNG: 2.753 g CH4, 0.017 g N2O per vehicle-mile.
    expect(factor('epa-hub-2024/t4/buses/cng').gases).toEqual({ CH4: 0.002753, N2O: 0.000017 });
    // Table 5: Locomotives, Diesel: 0.7978230077 g CH4, 0.2553033624 g N2O per gallon.
    expect(factor('epa-hub-2024/t5/locomotives/diesel')).toMatchObject({ unit: 'gal', method: 'fuel-based' });
    expect(factor('epa-hub-2024/t5/locomotives/diesel').gases?.CH4).toBeCloseTo(0.0007978230077, 15);
  });
});

describe('EPA Hub 2024 Tables 7–10', () => {
  it('steam and heat 66.33 kg CO2/mmBtu', () => {
    // Table 7, Steam and Heat: 66.33 kg CO2, 1.25 g CH4, 0.125 g N2O per mmBtu.
    expect(factor('epa-hub-2024/t7/steam-and-heat/mmBtu')).toMatchObject({
      activity: 'steam-heat.purchased',
      gases: { CO2: 66.33, CH4: 0.00125, N2O: 0.000125 },
    });
  });

  it('transport per vehicle-mile and per ton-mile keep separate ids', () => {
    // Table 8, Medium- and Heavy-Duty Truck: 1.246994385 kg CO2/vehicle-mile; 0.1680426018 kg CO2/ton-mile.
    expect(factor('epa-hub-2024/t8/medium-and-heavy-duty-truck/vmi').gases?.CO2).toBe(1.246994385);
    expect(factor('epa-hub-2024/t8/medium-and-heavy-duty-truck/ton_mi')).toMatchObject({ unit: 'ton_mi', method: 'distance-based' });
  });

  it('waste: t CO2e per short ton (AR4) becomes kg CO2e per short ton', () => {
    // Table 9: Corrugated Containers landfilled 1.00, Food Waste composted 0.11 metric tons CO2e per short ton.
    expect(factor('epa-hub-2024/t9/corrugated-containers/landfilled')).toMatchObject({
      activity: 'waste.corrugated-containers.landfilled',
      unit: 'short_ton',
      co2e: 1000,
      gwpBasis: 'AR4',
      method: 'average-data',
    });
    expect(factor('epa-hub-2024/t9/food-waste/composted').co2e).toBe(110);
    // Table 9 prints NA where a treatment does not apply: no factor, never 0.
    expect(byId.has('epa-hub-2024/t9/ldpe/recycled')).toBe(false);
  });

  it('business travel per passenger-mile', () => {
    // Table 10, Intercity Rail - National Average: 0.113 kg CO2, 0.0092 g CH4, 0.0026 g N2O per passenger-mile.
    expect(factor('epa-hub-2024/t10/intercity-rail-national-average/pmi')).toMatchObject({
      activity: 'travel.intercity-rail-national-average',
      unit: 'pmi',
      gases: { CO2: 0.113, CH4: 0.0000092, N2O: 0.0000026 },
    });
  });
});

describe('EPA Hub 2024 Tables 11–12, GWPs', () => {
  const ar5 = loadGwpSets(dataDir).AR5;

  it('Table 11 (AR5) equals the AR5 column of the GWP file for every gas', () => {
    // The data README: all 31 non-CO2 AR5 values of Table 11 match openclimatedata v0.13.1.
    for (const row of readCsv(dataDir, `${HUB_DIR}/table11_gwp_ar5.csv`, ['name', 'formula', 'gwp100_ar5'])) {
      const name = cell(row, 'name');
      const key = name.startsWith('HFC') ? speciesKey(name) : speciesKey(cell(row, 'formula'));
      expect([name, ar5.values.get(key)]).toEqual([name, Number(cell(row, 'gwp100_ar5'))]);
    }
  });

  it('every blend GWP from its Kyoto components matches Table 12 (±1), except R-424A', () => {
    // Table 12 prints AR5 blend GWPs rounded to integers; R-410A = 0.5 × 677 + 0.5 × 3170 = 1923.5 → 1924.
    const blends = hub.factors.filter((f) => f.activity.startsWith('refrigerant.'));
    expect(blends).toHaveLength(30);
    for (const f of blends) {
      const printed = Number(/GWP (\d+)/.exec(f.publishedAs ?? '')?.[1]);
      const computed = co2eOf(f.gases ?? {}, ar5);
      if (f.id === 'epa-hub-2024/t12/r-424a') continue;
      expect([f.id, Math.abs(computed - printed) <= 1]).toEqual([f.id, true]);
    }
  });

  it('R-424A: Table 12 prints 3104, but its composition gives 2212, as DESNZ 2025 prints', () => {
    // Table 12: R-424A 3104, "50.5% HFC-125, 47% HFC-134a, 1% butane, 0.9% isobutane, 0.6% isopentane".
    // 0.505 × 3170 + 0.47 × 1300 = 2211.85; DESNZ 2025 flat file, R424A, Kyoto products: 2212.
    const r424a = byId.get('epa-hub-2024/t12/r-424a');
    expect(r424a?.publishedAs).toContain('GWP 3104');
    expect(co2eOf(r424a?.gases ?? {}, ar5)).toBeCloseTo(2211.85, 6);
  });

  it('HCFCs and hydrocarbons are not counted; PFC-116 is keyed C2F6', () => {
    // Table 12: R-402A "38% HCFC-22, 60% HFC-125, 2% propane" → only HFC-125; R-508A "39% HFC-23, 61% PFC-116".
    expect(byId.get('epa-hub-2024/t12/r-402a')?.gases).toEqual({ HFC125: 0.6 });
    expect(byId.get('epa-hub-2024/t12/r-508a')?.gases).toEqual({ HFC23: 0.39, C2F6: 0.61 });
    expect(byId.get('epa-hub-2024/t12/r-406a')?.gases).toEqual({});
  });
});
