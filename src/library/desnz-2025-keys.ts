/**
 * @module library/desnz-2025-keys
 * How a DESNZ 2025 flat-file factor is named in this library: its unit symbol, activity key,
 * region and Scope 3 method. Generic key: `desnz.` + slugs of Level 1–4 and Column Text
 * (`desnz.fuels.gaseous-fuels.natural-gas.gross-cv`). Rows that users select by region or by a
 * common key get shared keys instead: UK grid electricity → `electricity.grid` (GB), flights →
 * `travel.air.<haul>.<class>.<with-rf|without-rf>[.wtt]`, hotels → `hotel.stay` (per country).
 */
import type { Scope3Method } from '../core/factors/factor.js';
import { parseUnit, type Unit } from '../core/units/units.js';
import { slug } from './slug.js';

export interface DesnzMeta {
  readonly levels: readonly [string, string, string, string];
  readonly columnText: string;
  readonly uom: string;
}

export interface DesnzUnit {
  readonly unit: Unit;
  /** Calorific-value basis of kWh rows, kept in the activity key and id. */
  readonly cv: 'gross-cv' | 'net-cv' | null;
}

const UOM_SYMBOL: Readonly<Record<string, readonly [string, DesnzUnit['cv']]>> = {
  km: ['km', null],
  miles: ['mi', null],
  'tonne.km': ['tkm', null],
  tonnes: ['t', null],
  kg: ['kg', null],
  'passenger.km': ['pkm', null],
  litres: ['L', null],
  'kWh (Gross CV)': ['kWh', 'gross-cv'],
  'kWh (Net CV)': ['kWh', 'net-cv'],
  kWh: ['kWh', null],
  GJ: ['GJ', null],
  'cubic metres': ['m3', null],
  'Room per night': ['room_night', null],
};

/**
 * UOMs left out, with the reason. "million litres" scales exactly (1 ML = 1000 m3), but both such
 * rows (water supply, water treatment) repeat a cubic-metres row of the same factor, only with
 * more digits (191.30156 kg/ML vs 0.1913 kg/m3); as m3 they would be a second factor for the same
 * activity and unit, so the row printed per m3 is kept.
 */
export const SKIPPED_UOMS: Readonly<Record<string, string>> = {
  'per FTE Working Hour': 'no unit symbol for an FTE working hour',
  'million litres': 'repeats the cubic metres row of the same factor',
};

export function desnzUnit(uom: string): DesnzUnit | undefined {
  const entry = UOM_SYMBOL[uom];
  return entry === undefined ? undefined : { unit: parseUnit(entry[0]), cv: entry[1] };
}

/** DESNZ hotel country names → region codes. "UK (London)" uses GB-LND (ISO 3166-2, City of London). */
const HOTEL_REGION: Readonly<Record<string, string>> = {
  UK: 'GB', 'UK (London)': 'GB-LND', Argentina: 'AR', Australia: 'AU', Austria: 'AT', Belgium: 'BE', Brazil: 'BR',
  Canada: 'CA', Chile: 'CL', China: 'CN', Colombia: 'CO', 'Costa Rica': 'CR', 'Czech Republic': 'CZ', Egypt: 'EG',
  Fiji: 'FJ', Finland: 'FI', France: 'FR', Germany: 'DE', Greece: 'GR', 'Hong Kong, China': 'HK', India: 'IN',
  Indonesia: 'ID', Ireland: 'IE', Israel: 'IL', Italy: 'IT', Japan: 'JP', Jordan: 'JO', Kazakhstan: 'KZ',
  // DESNZ's hotel list (Cornell benchmarking countries) has only the Republic of Korea.
  Korea: 'KR', 'Macau, China': 'MO', Malaysia: 'MY', Maldives: 'MV', Mexico: 'MX', Netherlands: 'NL',
  'New Zealand': 'NZ', Oman: 'OM', Panama: 'PA', Peru: 'PE', Philippines: 'PH', Poland: 'PL', Portugal: 'PT',
  Qatar: 'QA', Romania: 'RO', 'Russian Federation': 'RU', 'Saudi Arabia': 'SA', Singapore: 'SG',
  'South Africa': 'ZA', Spain: 'ES', Switzerland: 'CH', 'Taiwan, China': 'TW', Thailand: 'TH', Turkey: 'TR',
  'United Arab Emirates': 'AE', 'United States': 'US', Vietnam: 'VN',
};

const HOTEL = 'Hotel stay';

/** GB, or the hotel's country; undefined for a hotel country without a code (the row is skipped). */
export function desnzRegion(meta: DesnzMeta): string | undefined {
  return meta.levels[0] === HOTEL ? HOTEL_REGION[meta.levels[2]] : 'GB';
}

const HAUL: Readonly<Record<string, string>> = {
  'Domestic, to/from UK': 'domestic',
  'Short-haul, to/from UK': 'short-haul',
  'Long-haul, to/from UK': 'long-haul',
  'International, to/from non-UK': 'international-non-uk',
};
const SEAT: Readonly<Record<string, string>> = {
  'Average passenger': 'average',
  'Economy class': 'economy',
  'Premium economy class': 'premium-economy',
  'Business class': 'business',
  'First class': 'first',
};
const RF: Readonly<Record<string, string>> = { 'With RF': 'with-rf', 'Without RF': 'without-rf' };

function airActivity(meta: DesnzMeta): string | undefined {
  const [l1, , haul, seat] = meta.levels;
  const wtt = l1 === 'WTT- business travel- air';
  if (!wtt && l1 !== 'Business travel- air') return undefined;
  const parts = [HAUL[haul], SEAT[seat], RF[meta.columnText]];
  if (parts.some((p) => p === undefined)) return undefined;
  return `travel.air.${parts.join('.')}${wtt ? '.wtt' : ''}`;
}

function genericActivity(meta: DesnzMeta, cv: DesnzUnit['cv']): string {
  // A level that only repeats the UOM (Level 4 "kWh" on electricity rows) adds nothing.
  const parts = [...meta.levels, meta.columnText].filter((p) => p !== '' && p !== meta.uom).map(slug);
  return ['desnz', ...parts, ...(cv === null ? [] : [cv])].join('.');
}

export function desnzActivity(meta: DesnzMeta, cv: DesnzUnit['cv']): string {
  if (meta.levels[0] === 'UK electricity') return 'electricity.grid';
  if (meta.levels[0] === HOTEL) return 'hotel.stay';
  return airActivity(meta) ?? genericActivity(meta, cv);
}

/** Activity of an outside-of-scopes row that has no in-scope factor to attach to. */
export function outsideScopesActivity(meta: DesnzMeta, cv: DesnzUnit['cv']): string {
  const [, ...rest] = meta.levels;
  return genericActivity({ ...meta, levels: ['', ...rest] }, cv) + '.outside-scopes';
}

const METHOD_BY_LEVEL1: Readonly<Record<string, Scope3Method>> = {
  'Business travel- air': 'distance-based',
  'WTT- business travel- air': 'distance-based',
  'Business travel- sea': 'distance-based',
  'WTT- business travel- sea': 'distance-based',
  'Business travel- land': 'distance-based',
  'WTT- pass vehs & travel- land': 'distance-based',
  'Freighting goods': 'distance-based',
  'WTT- delivery vehs & freight': 'distance-based',
  [HOTEL]: 'average-data',
  'Waste disposal': 'average-data',
  'Material use': 'average-data',
  'Water supply': 'average-data',
  'Water treatment': 'average-data',
};

export function desnzMethod(meta: DesnzMeta): Scope3Method | undefined {
  return METHOD_BY_LEVEL1[meta.levels[0]];
}
