/** How `eks-storage audit` prints findings and which exit code they give. */
import { FleetFinding, countBySeverity } from '../fleet';
import { Severity } from '../validation/findings';

const SECTION_TITLES: Record<string, string> = {
  'class-health': 'Class health',
  compliance: 'Compliance',
  waste: 'Waste',
};

function objectText(finding: FleetFinding): string {
  const { kind, namespace, name } = finding.object;
  return `${kind}/${namespace ? `${namespace}/` : ''}${name}`;
}

/** The findings as text: a heading per section, one block per finding, then the counts. */
export function formatAudit(
  cluster: string,
  findings: readonly FleetFinding[],
): string {
  const lines: string[] = [];
  let section: string | undefined;
  for (const finding of findings) {
    if (finding.section !== section) {
      section = finding.section;
      if (lines.length) lines.push('');
      lines.push(`${SECTION_TITLES[section] ?? section}`);
    }
    lines.push(
      `  ${finding.severity.toUpperCase()} ${finding.code} ${objectText(
        finding,
      )}`,
      `    ${finding.title}`,
      `    ${finding.detail}`,
      `    Fix: ${finding.fix}`,
    );
  }
  const counts = countBySeverity(findings);
  if (lines.length) lines.push('');
  lines.push(
    `${cluster}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`,
  );
  return lines.join('\n');
}

/** The exit code for CI: 1 when a finding is at or above `failOn`. */
export function auditExitCode(
  findings: readonly FleetFinding[],
  failOn: Severity,
): number {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return findings.some(finding => rank[finding.severity] <= rank[failOn])
    ? 1
    : 0;
}
