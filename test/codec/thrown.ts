// The error `run` throws, which must be an instance of `type` (the test fails otherwise).
import { expect } from "vitest";

export function thrown<E extends Error>(
  type: abstract new (...args: never[]) => E,
  run: () => unknown,
): E {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return e as E;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}
