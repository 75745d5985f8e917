/**
 * Software licence compliance (ITIL software asset management): what a licence entitles against
 * what is consumed. Consumption depends on the licence metric: one unit per installation, per
 * assigned user, or per processor core of the machines it is installed on.
 */

export const LICENCE_METRICS = ['per_install', 'per_user', 'per_core'] as const;
export type LicenceMetric = (typeof LICENCE_METRICS)[number];

export type ComplianceStatus = 'compliant' | 'over_licensed' | 'under_licensed';

export type LicenceUse = { kind: 'ci'; cores: number | null } | { kind: 'user' };

export type Compliance = {
  entitled: number;
  consumed: number;
  /** Entitlements paid for and not used (over-licensed). */
  unused: number;
  /** Units in use beyond the entitlements (under-licensed). */
  shortfall: number;
  status: ComplianceStatus;
};

/** Which kind of installation a metric counts: machines for installs and cores, people for users. */
export function installationKind(metric: LicenceMetric): 'ci' | 'user' {
  return metric === 'per_user' ? 'user' : 'ci';
}

/**
 * Units consumed. Per core, a machine whose core count is unknown counts as one core, so the
 * figure is a floor and the report never hides a shortfall behind missing data by inflating it.
 */
export function consumedUnits(metric: LicenceMetric, uses: readonly LicenceUse[]): number {
  let total = 0;
  for (const use of uses) {
    if (use.kind !== installationKind(metric)) continue;
    total += metric === 'per_core' && use.kind === 'ci' ? Math.max(1, use.cores ?? 1) : 1;
  }
  return total;
}

export function compliance(entitled: number, consumed: number): Compliance {
  const status: ComplianceStatus =
    consumed > entitled ? 'under_licensed' : consumed < entitled ? 'over_licensed' : 'compliant';
  return {
    entitled,
    consumed,
    unused: Math.max(0, entitled - consumed),
    shortfall: Math.max(0, consumed - entitled),
    status,
  };
}

export type ComplianceSummary = {
  licences: number;
  compliant: number;
  overLicensed: number;
  underLicensed: number;
  unused: number;
  shortfall: number;
};

export function summariseCompliance(items: readonly Compliance[]): ComplianceSummary {
  const summary: ComplianceSummary = {
    licences: items.length,
    compliant: 0,
    overLicensed: 0,
    underLicensed: 0,
    unused: 0,
    shortfall: 0,
  };
  for (const c of items) {
    if (c.status === 'compliant') summary.compliant += 1;
    else if (c.status === 'over_licensed') summary.overLicensed += 1;
    else summary.underLicensed += 1;
    summary.unused += c.unused;
    summary.shortfall += c.shortfall;
  }
  return summary;
}
