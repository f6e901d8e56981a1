/**
 * Where a process's resident memory is, from Linux's /proc/self/smaps:
 * the node binary, native addons (the TypeScript transform's compiler,
 * SQLite …), other files, and anonymous memory (V8's heap, malloc's
 * arenas, stacks). Empty where there is no /proc.
 */
import { readFileSync } from 'node:fs';

export type MemoryMap = Record<string, number>;

const MiB = 2 ** 20;

export function memoryMap(): MemoryMap {
  let text: string;
  try {
    text = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return {};
  }
  const bytes: Record<string, number> = {};
  let group = 'anonymous';
  for (const line of text.split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (mapping) {
      group = groupOf(mapping[1].trim());
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) bytes[group] = (bytes[group] ?? 0) + Number(rss[1]) * 1024;
  }
  return Object.fromEntries(
    Object.entries(bytes)
      .sort(([, a], [, b]) => b - a)
      .map(([name, value]) => [name, Math.round((value / MiB) * 10) / 10]),
  );
}

function groupOf(path: string): string {
  if (!path || path === '[heap]' || path.startsWith('[anon')) {
    return 'anonymous';
  }
  if (path.startsWith('[')) return 'kernel';
  if (path === process.execPath) return 'node binary';
  const addon = /([^/]+)\.node$/.exec(path);
  // swc's addon, also under a hashed name in its cache.
  if (addon && path.includes('swc')) return 'addon swc (TypeScript transform)';
  if (addon) return `addon ${addon[1]}`;
  return 'other files';
}
