/**
 * @module regions
 * Region codes and their hierarchy: a sub-region (`US-RFCE`, `CN-YN`) sits in its country (`US`,
 * `CN`), every country in `WORLD`. Factor selection and market matching walk this chain.
 *
 * @example
 * regionChain('US-RFCE') // ['US-RFCE', 'US', 'WORLD']
 */

export const WORLD = 'WORLD';

const CODE = /^(WORLD|[A-Z]{2}(-[A-Z0-9]{1,8})*)$/;

export function isRegionCode(code: string): boolean {
  return CODE.test(code);
}

/** The region itself, then each enclosing region, ending with WORLD. */
export function regionChain(code: string): readonly string[] {
  const chain: string[] = [];
  let current = code;
  while (current !== WORLD) {
    chain.push(current);
    const dash = current.lastIndexOf('-');
    current = dash === -1 ? WORLD : current.slice(0, dash);
  }
  chain.push(WORLD);
  return chain;
}

/** Is `inner` the same region as `outer`, or inside it? */
export function isWithin(inner: string, outer: string): boolean {
  return outer === WORLD || inner === outer || inner.startsWith(`${outer}-`);
}
