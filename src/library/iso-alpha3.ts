/**
 * @module library/iso-alpha3
 * ISO 3166-1 alpha-3 → alpha-2 for the codes in the OWID/Ember file (a code mapping, not data
 * about emissions). OWID's own codes: OWID_WRL (World) → WORLD; OWID_KOS (Kosovo, which has no
 * ISO code) → XK, the user-assigned code used by the EU and others.
 */
const PAIRS =
  'ABW AW AFG AF AGO AO ALB AL ARE AE ARG AR ARM AM ASM AS ATG AG AUS AU AUT AT AZE AZ BDI BI BEL BE ' +
  'BEN BJ BFA BF BGD BD BGR BG BHR BH BHS BS BIH BA BLR BY BLZ BZ BMU BM BOL BO BRA BR BRB BB BRN BN ' +
  'BTN BT BWA BW CAF CF CAN CA CHE CH CHL CL CHN CN CIV CI CMR CM COD CD COG CG COK CK COL CO COM KM ' +
  'CPV CV CRI CR CUB CU CYM KY CYP CY CZE CZ DEU DE DJI DJ DMA DM DNK DK DOM DO DZA DZ ECU EC EGY EG ' +
  'ERI ER ESH EH ESP ES EST EE ETH ET FIN FI FJI FJ FLK FK FRA FR FRO FO GAB GA GBR GB GEO GE GHA GH ' +
  'GIB GI GIN GN GLP GP GMB GM GNB GW GNQ GQ GRC GR GRD GD GRL GL GTM GT GUF GF GUM GU GUY GY HKG HK ' +
  'HND HN HRV HR HTI HT HUN HU IDN ID IND IN IRL IE IRN IR IRQ IQ ISL IS ISR IL ITA IT JAM JM JOR JO ' +
  'JPN JP KAZ KZ KEN KE KGZ KG KHM KH KIR KI KNA KN KOR KR KWT KW LAO LA LBN LB LBR LR LBY LY LCA LC ' +
  'LKA LK LSO LS LTU LT LUX LU LVA LV MAC MO MAR MA MDA MD MDG MG MDV MV MEX MX MKD MK MLI ML MLT MT ' +
  'MMR MM MNE ME MNG MN MOZ MZ MRT MR MSR MS MTQ MQ MUS MU MWI MW MYS MY NAM NA NCL NC NER NE NGA NG ' +
  'NIC NI NLD NL NOR NO NPL NP NRU NR NZL NZ OMN OM PAK PK PAN PA PER PE PHL PH PNG PG POL PL PRI PR ' +
  'PRK KP PRT PT PRY PY PSE PS PYF PF QAT QA REU RE ROU RO RUS RU RWA RW SAU SA SDN SD SEN SN SGP SG ' +
  'SHN SH SLB SB SLE SL SLV SV SOM SO SPM PM SRB RS SSD SS STP ST SUR SR SVK SK SVN SI SWE SE SWZ SZ ' +
  'SYC SC SYR SY TCA TC TCD TD TGO TG THA TH TJK TJ TKM TM TLS TL TON TO TTO TT TUN TN TUR TR TWN TW ' +
  'TZA TZ UGA UG UKR UA URY UY USA US UZB UZ VCT VC VEN VE VGB VG VIR VI VNM VN VUT VU WSM WS YEM YE ' +
  'ZAF ZA ZMB ZM ZWE ZW OWID_KOS XK OWID_WRL WORLD';

function toMap(pairs: string): ReadonlyMap<string, string> {
  const words = pairs.split(' ');
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < words.length; i += 2) map.set(words[i] as string, words[i + 1] as string);
  return map;
}

const ALPHA3_TO_REGION = toMap(PAIRS);

/** Region code for an OWID iso_code, or undefined when the table has none. */
export function regionOfAlpha3(code: string): string | undefined {
  return ALPHA3_TO_REGION.get(code);
}

/** All mapped codes, for tests. */
export function mappedAlpha3Codes(): readonly string[] {
  return [...ALPHA3_TO_REGION.keys()];
}
