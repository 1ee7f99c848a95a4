/**
 * @module ledger/model
 * The ledger's records as the application sees them. Ids are numbers from the database; every
 * tenant record belongs to one organisation (`orgId`).
 */

export const CONSOLIDATION_APPROACHES = ['equity_share', 'financial_control', 'operational_control'] as const;
export type Consolidation = (typeof CONSOLIDATION_APPROACHES)[number];

export interface Organisation {
  readonly orgId: number;
  readonly slug: string;
  readonly name: string;
  readonly consolidation: Consolidation;
  /** 1 = calendar years; 7 = July–June years named after the year they end in (FY2022 = Jul 2021–Jun 2022). */
  readonly yearStartMonth: number;
  readonly currency: string;
}

export interface Entity {
  readonly entityId: number;
  readonly name: string;
  readonly country: string | null;
}

/** Ownership and control from `validFrom` until the entity's next period. */
export interface EntityPeriod {
  readonly entityId: number;
  readonly validFrom: string;
  readonly ownershipPct: number;
  readonly financialControl: boolean;
  readonly operationalControl: boolean;
}

export interface Site {
  readonly siteId: number;
  readonly name: string;
  readonly entityId: number;
  readonly country: string;
  readonly gridRegion: string;
  readonly market: string;
}

export interface BusinessUnit {
  readonly unitId: number;
  readonly name: string;
}

export interface OrgMetric {
  readonly metric: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly unit: string;
}

/** An activity row ready to store (after mapping and validation). */
export interface ActivityRecordInput {
  readonly rowNumber: number;
  readonly sourceId: string | null;
  readonly siteId: number;
  readonly unitId: number | null;
  /** ISO dates, end exclusive. */
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly scope: 1 | 2 | 3;
  readonly category: number | null;
  readonly method: string | null;
  readonly quantity: number;
  readonly unit: string;
  readonly priceYear: number | null;
  readonly factorId: string | null;
  readonly activity: string | null;
  readonly carrier: string | null;
  readonly supplier: string | null;
}

export interface ImportBatch {
  readonly batchId: number;
  readonly fileName: string;
  readonly contentHash: string;
  readonly mapping: string;
  readonly kind: 'activities' | 'instruments' | 'metrics';
  readonly rowsTotal: number;
  readonly rowsImported: number;
  readonly rowsQuarantined: number;
  readonly importedBy: string;
  readonly importedAt: string;
}
