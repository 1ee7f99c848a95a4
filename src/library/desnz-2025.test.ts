import { describe, expect, it } from 'vitest';
import type { EmissionFactor } from '../core/factors/factor.js';
import { cell, readCsv } from './csv.js';
import { loadDesnz2025 } from './desnz-2025.js';
import { defaultDataDir, loadLibrary } from './load-library.js';

const dataDir = defaultDataDir();
const desnz = loadDesnz2025(dataDir);
const byId = new Map(desnz.factors.map((f) => [f.id, f]));

function factor(id: string): EmissionFactor {
  const f = byId.get(id);
  if (f === undefined) throw new Error(`no factor ${id}`);
  return f;
}

describe('DESNZ 2025 flat file', () => {
  it('UK electricity 0.177 kg CO2e/kWh, as electricity.grid in GB, with its biogenic CO2', () => {
    // Flat file 7_400_4000_5_1/_2: UK electricity generated 0.177 kg CO2e/kWh, of which CO2 0.17489;
    // 99_400_4001_5_2: outside of scopes, electricity generated UK, 0.11507 kg CO2/kWh.
    expect(factor('desnz-2025/7_400_4000_5/kWh')).toMatchObject({
      activity: 'electricity.grid',
      region: 'GB',
      year: 2025,
      unit: 'kWh',
      co2e: 0.177,
      gwpBasis: 'AR5',
      gases: { CO2: 0.17489 },
      biogenicCo2: 0.11507,
    });
  });

  it('natural gas 0.18296 kg CO2e/kWh gross CV; the CV basis is in the key and id', () => {
    // Flat file 1_100_1004_6_1: Fuels / Gaseous fuels / Natural gas, kWh (Gross CV), 0.18296; net CV 0.2027.
    expect(factor('desnz-2025/1_100_1004_6/kWh-gross-cv')).toMatchObject({
      activity: 'desnz.fuels.gaseous-fuels.natural-gas.gross-cv',
      unit: 'kWh',
      co2e: 0.18296,
      // _2, _3, _4: kg CO2e of CO2 0.18259, of CH4 0.00028, of N2O 0.00009 per kWh.
      co2eByGas: { CO2: 0.18259, CH4: 0.00028, N2O: 0.00009 },
    });
    expect(factor('desnz-2025/1_100_1004_7/kWh-net-cv').co2e).toBe(0.2027);
    // Same fuel per cubic metre (1_100_1004_1_1): 2.06672, selected by unit m3.
    expect(factor('desnz-2025/1_100_1004_1/m3')).toMatchObject({ activity: 'desnz.fuels.gaseous-fuels.natural-gas', co2e: 2.06672 });
  });

  it('long-haul economy with RF 0.11704 kg CO2e/passenger.km', () => {
    // Flat file 21_316_3170_11_1, Business travel- air, Long-haul to/from UK, Economy class, With RF.
    expect(factor('desnz-2025/21_316_3170_11/pkm')).toMatchObject({
      activity: 'travel.air.long-haul.economy.with-rf',
      unit: 'pkm',
      co2e: 0.11704,
      method: 'distance-based',
    });
    // Without RF 0.06926; WTT 0.02461 (both RF variants).
    expect(factor('desnz-2025/21_316_3171_11/pkm').activity).toBe('travel.air.long-haul.economy.without-rf');
    expect(factor('desnz-2025/22_912_3170_11/pkm')).toMatchObject({ activity: 'travel.air.long-haul.economy.with-rf.wtt', co2e: 0.02461 });
  });

  it('hotel stays are selected by country: UK 10.4, London 11.5', () => {
    // Flat file 29_600_4000_13_1 (UK) 10.4, 29_600_4001_13_1 (UK (London)) 11.5 kg CO2e per room per night.
    const lib = loadLibrary();
    const uk = lib.index.select({ activity: 'hotel.stay', region: 'GB', year: 2025 });
    expect(uk.factor).toMatchObject({ co2e: 10.4, unit: 'room_night', method: 'average-data' });
    expect(lib.index.select({ activity: 'hotel.stay', region: 'GB-LND', year: 2025 }).factor.co2e).toBe(11.5);
    // Germany 13.2; Austria has no value in DESNZ 2025, so no factor (never 0).
    expect(lib.index.select({ activity: 'hotel.stay', region: 'DE', year: 2025 }).factor.co2e).toBe(13.2);
    expect(() => lib.index.select({ activity: 'hotel.stay', region: 'AT', year: 2025 })).toThrow();
  });

  it('agrees with the two subset files shipped beside the flat file', () => {
    // business_travel_air_2025.csv and hotel_stay_2025.csv are "kg CO2e" rows of the flat file.
    const air = readCsv(dataDir, 'desnz_2025/business_travel_air_2025.csv', ['desnz_id', 'kg_co2e']);
    const hotel = readCsv(dataDir, 'desnz_2025/hotel_stay_2025.csv', ['desnz_id', 'kg_co2e_per_room_night']);
    const rows = [
      ...air.map((r) => [cell(r, 'desnz_id'), cell(r, 'kg_co2e')]),
      ...hotel.map((r) => [cell(r, 'desnz_id'), cell(r, 'kg_co2e_per_room_night')]),
    ];
    for (const [id = '', value = ''] of rows) {
      const loaded = desnz.factors.find((f) => f.id.startsWith(`desnz-2025/${id.replace(/_1$/, '')}/`));
      expect([id, loaded?.co2e]).toEqual([id, value === '' ? undefined : Number(value)]);
    }
  });

  it('biogenic CO2 of bioenergy attaches to its Scope 1 factor; forecourt rows stand alone', () => {
    // 2_104_1045_15_1 wood pellets 55.19389 kg CO2e/tonne; 99_104_1045_15_2 outside of scopes 1677.18 kg CO2.
    expect(factor('desnz-2025/2_104_1045_15/t')).toMatchObject({ co2e: 55.19389, biogenicCo2: 1677.18 });
    // 99_604_1011_8_2: forecourt diesel, 0.14 kg CO2 per litre, no Scope 1 row with the same levels.
    expect(factor('desnz-2025/99_604_1011_8/L')).toMatchObject({
      activity: 'desnz.forecourt-fuels-containing-biofuel.diesel-average-biofuel-blend.outside-scopes',
      biogenicCo2: 0.14,
    });
    expect(factor('desnz-2025/99_604_1011_8/L').co2e).toBeUndefined();
  });

  it('counts what it leaves out', () => {
    // 8,740 rows: 514 SECR energy rows (kWh per unit), 3 per FTE hour, 2 per million litres, 1,648 without value.
    expect(desnz.skipped).toEqual({
      'DESNZ: energy-use row (SECR kWh per unit), not an emission factor': 514,
      'DESNZ: UOM "per FTE Working Hour" (no unit symbol for an FTE working hour)': 3,
      'DESNZ: UOM "million litres" (repeats the cubic metres row of the same factor)': 2,
      'DESNZ: no value published': 1648,
    });
    expect(desnz.factors).toHaveLength(2617);
  });
});
