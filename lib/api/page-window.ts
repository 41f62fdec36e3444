// Paging over groups whose sizes are known before their rows are built (the targets of
// each scope, say): which groups a page touches and which of their rows it takes, so that
// only those groups need building.

export interface GroupSlice {
  /** The group's index in the list given. */
  index: number;
  /** Rows of the group to skip, then to take. */
  skip: number;
  take: number;
}

export function pageWindow(sizes: readonly number[], { offset, limit }: { offset: number; limit: number }): { slices: GroupSlice[]; total: number } {
  const slices: GroupSlice[] = [];
  let start = 0;
  const end = offset + limit;
  sizes.forEach((size, index) => {
    const from = Math.max(offset, start);
    const to = Math.min(end, start + size);
    if (to > from) slices.push({ index, skip: from - start, take: to - from });
    start += size;
  });
  return { slices, total: start };
}
