/** A typed array twice as long, with the same start: for arrays that grow as they fill. */
export function grown<T extends Int32Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}
