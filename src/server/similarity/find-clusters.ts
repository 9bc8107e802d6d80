// Groups of students linked by similar pairs (connected components): three students who each
// resemble the next form one cluster even when the first and last do not resemble each other.
import type { TSimilarityPair } from "./analyze-similarity";

/** Key → cluster number (1, 2, … by size, largest first), for keys in a pair; keys alone have none. */
export function findClusters(pairs: readonly Pick<TSimilarityPair, "leftKey" | "rightKey">[]): Map<string, number> {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let at = key;
    while (parent.get(at) !== at) at = parent.get(at)!;
    parent.set(key, at);
    return at;
  };
  for (const { leftKey, rightKey } of pairs) {
    for (const key of [leftKey, rightKey]) if (!parent.has(key)) parent.set(key, key);
    parent.set(root(leftKey), root(rightKey));
  }
  const groups = new Map<string, string[]>();
  for (const key of parent.keys()) groups.set(root(key), [...(groups.get(root(key)) ?? []), key]);
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  return new Map(ordered.flatMap((members, index) => members.map((key) => [key, index + 1] as const)));
}
