// The encoder's test for 64-bit values that are not bigints (a decimal string or a safe
// integer, as protobuf-es accepts them); anything else aborts the fast path and the reflective
// encode says why.
const DECIMAL = /^-?[0-9]+$/;
const U64_MAX = 2n ** 64n - 1n;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** Whether `value` is a bigint, decimal string or safe integer in the 64-bit range. */
export function int64Ok(value: unknown, unsigned: boolean): boolean {
  let big: bigint;
  if (typeof value === "bigint") big = value;
  else if (typeof value === "string" && DECIMAL.test(value)) big = BigInt(value);
  else if (typeof value === "number" && Number.isSafeInteger(value)) big = BigInt(value);
  else return false;
  return unsigned ? big >= 0n && big <= U64_MAX : big >= I64_MIN && big <= I64_MAX;
}
