// The fast verdict on commands (Binding.clean of CommandInfo, seed and v1): the rules-only walk
// skips a command it calls clean (with its URIs and environment), so it must never call clean a
// command whose rules would report anything, under any context flags. A table of commands on both
// sides of every command, URI and variable rule, and a property over commands near those edges.
import { create, type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CommandInfoSchema, decode } from "../../src/index.js";
import { MESOS_V1_RULES } from "../../src/mesos-v1/index.js";
import { Collector, IMAGE_ENTRYPOINT, MESOS_RULES } from "../../src/rules/index.js";
import { arbitraryMessage } from "../../src/testing/index.js";
import * as v1 from "../../src/v1/index.js";
import { validate, validateDecoded } from "../../src/validation/index.js";
import { planOf } from "../../src/validation/plan.js";
import { rulesRunOf } from "../../src/validation/rules-only.js";

type Init = Record<string, unknown>;

const CLEAN: [string, Init][] = [
  ["a shell command", { value: "echo hello" }],
  [
    "with URIs and variables",
    {
      value: "ls /data",
      uris: [{ value: "https://example.com/a.tgz" }],
      environment: {
        variables: [
          { name: "A", value: "1" },
          { name: "B", value: "" },
        ],
      },
    },
  ],
  ["shell set to true", { shell: true, value: "true" }],
];

const NOT_CLEAN: [string, Init][] = [
  ["shell false", { shell: false, value: "/bin/true" }],
  ["an empty value", { value: "" }],
  ["no value", {}],
  ["a NUL in the value", { value: "echo \0" }],
  ["arguments with a shell", { value: "echo", arguments: ["a"] }],
  ["an empty URI", { value: "ls", uris: [{ value: "" }] }],
  [
    "an empty variable name",
    { value: "ls", environment: { variables: [{ name: "", value: "1" }] } },
  ],
  ["'=' in a name", { value: "ls", environment: { variables: [{ name: "A=B", value: "1" }] } }],
  ["NUL in a name", { value: "ls", environment: { variables: [{ name: "A\0", value: "1" }] } }],
  ["NUL in a value", { value: "ls", environment: { variables: [{ name: "A", value: "\0" }] } }],
  [
    "a name twice",
    {
      value: "ls",
      environment: {
        variables: [
          { name: "A", value: "1" },
          { name: "A", value: "2" },
        ],
      },
    },
  ],
  [
    "nine variables (left to the walk)",
    {
      value: "ls",
      environment: {
        variables: Array.from({ length: 9 }, (_, i) => ({ name: `V${i}`, value: "x" })),
      },
    },
  ],
];

const SEED_NOT_CLEAN: [string, Init][] = [
  ["a legacy container", { value: "ls", container: { image: "docker:///busybox" } }],
];

const V1_NOT_CLEAN: [string, Init][] = [
  ["a variable without a value", { value: "ls", environment: { variables: [{ name: "A" }] } }],
  [
    "a SECRET variable",
    { value: "ls", environment: { variables: [{ name: "A", type: 2, secret: { type: 2 } }] } },
  ],
  [
    "a VALUE variable with a secret",
    { value: "ls", environment: { variables: [{ name: "A", value: "1", secret: {} }] } },
  ],
  ["an UNKNOWN variable", { value: "ls", environment: { variables: [{ name: "A", type: 0 }] } }],
];

type Clean = (msg: never, flags: number) => boolean;

const SCHEMAS: [string, DescMessage, Clean, [string, Init][]][] = [
  [
    "seed",
    CommandInfoSchema,
    MESOS_RULES.get(CommandInfoSchema)?.clean as Clean,
    [...NOT_CLEAN, ...SEED_NOT_CLEAN],
  ],
  [
    "v1",
    v1.CommandInfoSchema,
    MESOS_V1_RULES.get(v1.CommandInfoSchema)?.clean as Clean,
    [...NOT_CLEAN, ...V1_NOT_CLEAN],
  ],
];

// The issues of the rules alone under `flags` (the interpreter: it never takes the fast verdict
// of a type with children).
function ruleIssues(schema: DescMessage, message: MessageShape<DescMessage>, flags: number) {
  const c = new Collector();
  rulesRunOf(planOf(schema), true)(message, c, flags);
  return c.issues;
}

// Commands near the edges of the command, URI and variable rules.
function commands(schema: DescMessage): fc.Arbitrary<MessageShape<DescMessage>> {
  const text = fc.constantFrom("", "a", "b", "a=b", "x\0");
  const variable = fc.record({
    name: text,
    value: fc.option(text, { nil: undefined }),
    // Mostly VALUE (the default); sometimes UNKNOWN or SECRET (v1 only: the seed has no type).
    type: fc.constantFrom(1, 1, 1, 1, 0, 2),
  });
  return fc
    .record({
      shell: fc.option(fc.boolean(), { nil: undefined }),
      value: fc.option(fc.constantFrom("ls", "", "a\0"), { nil: undefined }),
      arguments: fc.array(fc.constant("x"), { maxLength: 1 }),
      uris: fc.array(fc.record({ value: fc.constantFrom("u", "") }), { maxLength: 2 }),
      variables: fc.option(fc.array(variable, { maxLength: 3 }), { nil: undefined }),
    })
    .map(({ variables, ...init }) =>
      create(schema, {
        ...init,
        environment:
          variables === undefined
            ? undefined
            : {
                variables: variables.map((v) =>
                  schema === CommandInfoSchema ? { name: v.name, value: v.value } : v,
                ),
              },
      }),
    );
}

describe.each(SCHEMAS)("%s CommandInfo", (_name, schema, clean, notClean) => {
  test("the verdict is bound", () => {
    expect(typeof clean).toBe("function");
  });

  test.each(CLEAN)("clean: %s", (_case, init) => {
    const message = create(schema, init);
    expect(clean(message as never, 0)).toBe(true);
    expect(ruleIssues(schema, message, 0)).toEqual([]);
    expect(ruleIssues(schema, message, IMAGE_ENTRYPOINT)).toEqual([]);
  });

  test.each(notClean)("left to the walk: %s", (_case, init) => {
    const message = create(schema, init);
    expect(clean(message as never, 0)).toBe(false);
    let decoded: MessageShape<DescMessage> | undefined;
    try {
      decoded = decode(schema, toBinary(schema, message));
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined) {
      expect(validateDecoded(schema, decoded)).toEqual(validate(schema, decoded));
    }
  });

  test("an issue of the rules under any flags always means not clean", () => {
    let cleanCount = 0;
    fc.assert(
      fc.property(
        fc.oneof(arbitraryMessage(schema, { maxDepth: 3, maxLength: 3 }), commands(schema)),
        fc.integer({ min: 0, max: 3 }),
        (message, flags) => {
          if (!clean(message as never, flags)) return;
          cleanCount++;
          expect(ruleIssues(schema, message, flags)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
    // Not vacuous: some commands were clean.
    expect(cleanCount).toBeGreaterThan(0);
  });
});
