// arbitraryMessage: the descriptor-driven arbitrary keeps its promises on every message type.
import { type DescMessage, fromBinary, type Message, toBinary } from "@bufbuild/protobuf";
import { reflect } from "@bufbuild/protobuf/reflect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CommandInfoSchema,
  file_mesos_mesos,
  OfferSchema,
  TaskInfoSchema,
  Value_ScalarSchema,
} from "../../gen/mesos/mesos_pb.js";
import { arbitraryMessage } from "../../src/testing/index.js";
import { property } from "./harness.js";

const LEGACY_REQUIRED = 3;

interface Visit {
  readonly desc: DescMessage;
  readonly msg: Message;
  readonly depth: number;
}

/** Every message inside `msg` (itself included) with its nesting depth. */
function walk(desc: DescMessage, msg: Message, depth = 0, out: Visit[] = []): Visit[] {
  out.push({ desc, msg, depth });
  const r = reflect(desc, msg);
  for (const f of r.fields) {
    if (!r.isSet(f)) continue;
    if (f.fieldKind === "message") {
      walk(f.message, (r.get(f) as { message: Message }).message, depth + 1, out);
    } else if (f.fieldKind === "list" && f.listKind === "message") {
      for (const item of r.get(f) as Iterable<{ message: Message }>) {
        walk(f.message, item.message, depth + 1, out);
      }
    }
  }
  return out;
}

/** Every scalar, enum or list value in `msg`, with its field. */
function* values(visits: readonly Visit[]) {
  for (const { desc, msg } of visits) {
    const r = reflect(desc, msg);
    for (const f of r.fields) {
      if (!r.isSet(f) || f.fieldKind === "message") continue;
      const v = (msg as unknown as Record<string, unknown>)[f.localName];
      if (f.fieldKind === "list") {
        for (const item of v as unknown[]) yield { field: f, value: item };
      } else {
        yield { field: f, value: v };
      }
    }
  }
}

const ALL_MESSAGES = file_mesos_mesos.messages.flatMap(function flat(m): DescMessage[] {
  return [m, ...m.nestedMessages.flatMap(flat)];
});

describe("arbitraryMessage", () => {
  it("covers every message type of the schema", () => {
    expect(ALL_MESSAGES.length).toBeGreaterThan(20);
  });

  property(
    "required fields are always set at every depth, so every message encodes",
    fc.property(
      fc.constantFrom(...ALL_MESSAGES).chain((d) => fc.tuple(fc.constant(d), arbitraryMessage(d))),
      ([desc, msg]) => {
        for (const visit of walk(desc, msg)) {
          const r = reflect(visit.desc, visit.msg);
          for (const f of r.fields) {
            if (f.presence === LEGACY_REQUIRED)
              expect(r.isSet(f), `${visit.desc.typeName}.${f.name}`).toBe(true);
          }
        }
        expect(() => toBinary(desc, msg)).not.toThrow();
      },
    ),
    { runs: 300 },
  );

  property(
    "closed enums hold declared values only; doubles are never NaN by default; 64-bit are bigint in range",
    fc.property(arbitraryMessage(TaskInfoSchema), arbitraryMessage(OfferSchema), (task, offer) => {
      const visits = [...walk(TaskInfoSchema, task), ...walk(OfferSchema, offer)];
      for (const { field, value } of values(visits)) {
        if (field.enum !== undefined) {
          expect(field.enum.values.map((v) => v.number)).toContain(value);
        } else if (field.scalar === 1 /* DOUBLE */) {
          expect(Number.isNaN(value)).toBe(false);
        } else if (field.scalar === 4 /* UINT64 */) {
          expect(typeof value).toBe("bigint");
          expect(value as bigint).toBeGreaterThanOrEqual(0n);
          expect(value as bigint).toBeLessThan(2n ** 64n);
        }
      }
    }),
    { runs: 200 },
  );

  property(
    "optional message fields stop at maxDepth",
    fc.property(
      fc
        .integer({ min: 0, max: 4 })
        .chain((d) => fc.tuple(fc.constant(d), arbitraryMessage(TaskInfoSchema, { maxDepth: d }))),
      ([maxDepth, task]) => {
        for (const { desc, msg, depth } of walk(TaskInfoSchema, task)) {
          if (depth <= maxDepth) continue;
          // Deeper messages exist only because a required field holds them: their parent chain
          // is required, and they set no optional message field themselves.
          const r = reflect(desc, msg);
          for (const f of r.fields) {
            if (f.fieldKind === "message" && f.presence !== LEGACY_REQUIRED)
              expect(r.isSet(f)).toBe(false);
            if (f.fieldKind === "list" && f.listKind === "message") expect(r.isSet(f)).toBe(false);
          }
        }
      },
    ),
    { runs: 150 },
  );

  it("produces non-ASCII and astral strings, set-to-default optionals, and empty bytes", () => {
    const samples = fc.sample(arbitraryMessage(CommandInfoSchema), { numRuns: 300, seed: 7 });
    const strings = samples.flatMap((c) => [c.value, c.user, ...c.arguments]);
    expect(strings.some((s) => [...s].some((ch) => (ch.codePointAt(0) ?? 0) > 0x7f))).toBe(true);
    expect(strings.some((s) => /[\u{10000}-\u{10ffff}]/u.test(s))).toBe(true);
    // shell has [default = true]: explicitly set to true is a distinct, encoded state.
    expect(samples.some((c) => Object.hasOwn(c, "shell") && c.shell)).toBe(true);
    expect(samples.some((c) => !Object.hasOwn(c, "shell"))).toBe(true);
  });

  it("allowNaN and maxLength are honoured", () => {
    const scalars = fc.sample(arbitraryMessage(Value_ScalarSchema, { allowNaN: true }), {
      numRuns: 1000,
      seed: 3,
    });
    expect(scalars.some((s) => Number.isNaN(s.value))).toBe(true);
    const withNaN = fc.sample(arbitraryMessage(OfferSchema, { maxLength: 8 }), {
      numRuns: 400,
      seed: 3,
    });
    expect(Math.max(...withNaN.map((o) => o.resources.length))).toBe(8);
    const short = fc.sample(arbitraryMessage(OfferSchema, { maxLength: 1 }), {
      numRuns: 100,
      seed: 3,
    });
    expect(Math.max(...short.map((o) => o.resources.length))).toBe(1);
  });

  property(
    "unknown fields sit at unused numbers, with encodings protobuf-es reads back as unknown fields",
    fc.property(arbitraryMessage(TaskInfoSchema, { unknownFields: true }), (task) => {
      const visits = walk(TaskInfoSchema, task);
      for (const { desc, msg } of visits) {
        for (const u of msg.$unknown ?? []) {
          expect(desc.fields.some((f) => f.number === u.no)).toBe(false);
          expect(u.no).toBeGreaterThan(0);
          expect(u.no).toBeLessThan(2 ** 29);
        }
      }
      const bytes = toBinary(TaskInfoSchema, task);
      const back = fromBinary(TaskInfoSchema, bytes);
      // Every unknown field is read back as an unknown field (and the same bytes follow).
      const count = (vs: Visit[]) => vs.reduce((n, v) => n + (v.msg.$unknown?.length ?? 0), 0);
      expect(count(walk(TaskInfoSchema, back))).toBe(count(visits));
      expect(toBinary(TaskInfoSchema, back)).toEqual(bytes);
    }),
    { runs: 200 },
  );

  it("refuses counts that are not non-negative integers, naming the option", () => {
    expect(() => arbitraryMessage(TaskInfoSchema, { maxLength: -1 })).toThrow(
      /maxLength must be a non-negative integer, got -1/,
    );
    expect(() => arbitraryMessage(TaskInfoSchema, { maxDepth: 1.5 })).toThrow(/maxDepth/);
  });

  it("is cached per descriptor and option set", () => {
    expect(arbitraryMessage(TaskInfoSchema)).toBe(arbitraryMessage(TaskInfoSchema));
    expect(arbitraryMessage(TaskInfoSchema, { maxLength: 3 })).toBe(
      arbitraryMessage(TaskInfoSchema),
    );
    expect(arbitraryMessage(TaskInfoSchema, { maxLength: 2 })).not.toBe(
      arbitraryMessage(TaskInfoSchema),
    );
  });

  it("generates every unknown wire type over a sample", () => {
    const wireTypes = new Set<number>();
    for (const task of fc.sample(arbitraryMessage(TaskInfoSchema, { unknownFields: true }), {
      numRuns: 200,
      seed: 11,
    })) {
      for (const { msg } of walk(TaskInfoSchema, task))
        for (const u of msg.$unknown ?? []) wireTypes.add(u.wireType);
    }
    expect([...wireTypes].sort()).toEqual([0, 1, 2, 3, 5]);
  });
});
