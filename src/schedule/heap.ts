/** A binary min-heap of numbers in a plain array. @internal */
export function heapPush(h: number[], x: number): void {
  h.push(x);
  let i = h.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pv = h[parent] ?? 0;
    if (pv <= x) break;
    h[i] = pv;
    i = parent;
  }
  h[i] = x;
}

/** Removes and returns the smallest value, or `undefined` when empty. @internal */
export function heapPop(h: number[]): number | undefined {
  const top = h[0];
  const last = h.pop();
  if (top === undefined || last === undefined || h.length === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    let mv = last;
    const lv = h[l];
    const rv = h[r];
    if (lv !== undefined && lv < mv) {
      m = l;
      mv = lv;
    }
    if (rv !== undefined && rv < mv) m = r;
    if (m === i) break;
    h[i] = h[m] ?? 0;
    i = m;
  }
  h[i] = last;
  return top;
}
