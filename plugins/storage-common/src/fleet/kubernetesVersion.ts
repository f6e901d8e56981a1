/** `v1.32.5-eks-…` or `1.30` → { major, minor }; undefined when unreadable. */
export function parseKubernetesVersion(
  version: string | undefined,
): { major: number; minor: number } | undefined {
  const match =
    typeof version === 'string' ? /^v?(\d+)\.(\d+)/.exec(version.trim()) : null;
  return match
    ? { major: Number(match[1]), minor: Number(match[2]) }
    : undefined;
}

/**
 * Whether the cluster runs at least `major.minor`. An unknown version counts
 * as recent: EKS supports no version older than the rules ask about.
 */
export function versionAtLeast(
  version: string | undefined,
  major: number,
  minor: number,
): boolean {
  const parsed = parseKubernetesVersion(version);
  if (!parsed) return true;
  return (
    parsed.major > major || (parsed.major === major && parsed.minor >= minor)
  );
}
