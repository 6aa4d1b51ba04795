// Vitest 5's reporter calls Map.groupBy, which Node 20 lacks; without it a failing test's report crashes.
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;

const mapConstructor = Map as unknown as { groupBy?: GroupBy };
if (typeof mapConstructor.groupBy !== 'function') {
  mapConstructor.groupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => {
    const groups = new Map<K, T[]>();
    let index = 0;
    for (const item of items) {
      const group = key(item, index++);
      const list = groups.get(group);
      if (list) list.push(item);
      else groups.set(group, [item]);
    }
    return groups;
  };
}
