// The fast verdict on seed containers (Binding.clean of ContainerInfo): the rules-only walk skips
// a container it calls clean, which it does only for a DockerInfo whose image passes the image
// rules and whose volumes and mount points the volume rules found clean before with the same
// values. It must never call clean a container whose rules would report anything, whatever was
// walked before it: a table of containers on both sides of the rules, and a property over pairs
// (walk one container, then judge another).
import { create, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ContainerInfoSchema, decode } from "../../src/index.js";
import { Collector, MESOS_RULES } from "../../src/rules/index.js";
import { arbitraryMessage } from "../../src/testing/index.js";
import { validate, validateDecoded } from "../../src/validation/index.js";
import { planOf } from "../../src/validation/plan.js";
import { rulesRunOf } from "../../src/validation/rules-only.js";

type Container = MessageShape<typeof ContainerInfoSchema>;
type Init = Record<string, unknown>;

const clean = MESOS_RULES.get(ContainerInfoSchema)?.clean as (m: never, f: number) => boolean;

// The issues of the rules alone (the interpreter: it never takes the fast verdict of a type with
// children); walking also fills the volume rules' memory of clean volumes.
function ruleIssues(container: Container) {
  const c = new Collector();
  rulesRunOf(planOf(ContainerInfoSchema), true)(container, c, 0);
  return c.issues;
}

const docker = (init: Init): Container => create(ContainerInfoSchema, { type: 1, docker: init });

const CLEAN: [string, Container][] = [
  ["an image alone", docker({ image: "busybox:1.36" })],
  [
    "an image and three volumes",
    docker({
      image: "busybox:1.36",
      volume: [
        { containerDir: "/data", hostDir: "/var/data", mode: 1 },
        { containerDir: "/etc/app", hostDir: "/etc/app", mode: 2 },
        { containerDir: "/scratch", mode: 1 },
      ],
    }),
  ],
];

const NOT_CLEAN: [string, Container][] = [
  ["no DockerInfo", create(ContainerInfoSchema, { type: 1 })],
  ["an empty image", docker({ image: "" })],
  ["a docker:/// image", docker({ image: "docker:///busybox" })],
  ["an invalid image", docker({ image: "Not An Image" })],
  ["a volume at /", docker({ image: "busybox", volume: [{ containerDir: "/", mode: 1 }] })],
  ["a relative volume", docker({ image: "busybox", volume: [{ containerDir: "data", mode: 1 }] })],
  [
    "a read-only anonymous volume",
    docker({ image: "busybox", volume: [{ containerDir: "/data", mode: 2 }] }),
  ],
  [
    "the same mount point twice",
    docker({
      image: "busybox",
      volume: [
        { containerDir: "/data", mode: 1 },
        { containerDir: "/data", mode: 1 },
      ],
    }),
  ],
  [
    "one mount point twice once cleaned",
    docker({
      image: "busybox",
      volume: [
        { containerDir: "/data", mode: 1 },
        { containerDir: "/data/", mode: 1 },
      ],
    }),
  ],
];

// Containers near the edges of the image and volume rules.
const containers: fc.Arbitrary<Container> = fc
  .record({
    image: fc.constantFrom("busybox:1.36", "", "docker:///busybox", "Bad Image", "alpine"),
    volume: fc.array(
      fc.record({
        containerDir: fc.constantFrom("/data", "/data/", "/", "rel", "", "/mnt/mesos/sandbox"),
        hostDir: fc.option(fc.constantFrom("/var/data", "rel", ""), { nil: undefined }),
        mode: fc.constantFrom(1, 2),
      }),
      { maxLength: 3 },
    ),
  })
  .map((init) => docker(init));

const anyContainer = fc.oneof(
  containers,
  arbitraryMessage(ContainerInfoSchema, { maxDepth: 3, maxLength: 3 }),
);

describe("seed ContainerInfo", () => {
  test("the verdict is bound", () => {
    expect(typeof clean).toBe("function");
  });

  test.each(CLEAN)("clean once walked: %s", (_case, container) => {
    expect(ruleIssues(container)).toEqual([]);
    expect(clean(container as never, 0)).toBe(true);
    // A copy with the same values is clean too (the memory is of values, not objects).
    const copy = decode(ContainerInfoSchema, toBinary(ContainerInfoSchema, container));
    expect(clean(copy as never, 0)).toBe(true);
  });

  test.each(NOT_CLEAN)("left to the walk, even once walked: %s", (_case, container) => {
    expect(ruleIssues(container)).not.toEqual([]);
    expect(clean(container as never, 0)).toBe(false);
    let decoded: Container | undefined;
    try {
      decoded = decode(ContainerInfoSchema, toBinary(ContainerInfoSchema, container));
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined) {
      expect(validateDecoded(ContainerInfoSchema, decoded)).toEqual(
        validate(ContainerInfoSchema, decoded),
      );
    }
  });

  test("after walking any container (or itself), a container is clean only if its rules report nothing", () => {
    let cleanCount = 0;
    fc.assert(
      fc.property(anyContainer, anyContainer, fc.boolean(), (before, container, again) => {
        // Whatever the memory holds: another container's volumes, or (a stream repeating
        // itself) this container's own, reported or not.
        ruleIssues(before);
        if (again) ruleIssues(container);
        if (!clean(container as never, 0)) return;
        cleanCount++;
        expect(ruleIssues(container)).toEqual([]);
      }),
      { numRuns: 500 },
    );
    // Not vacuous: some containers were clean.
    expect(cleanCount).toBeGreaterThan(0);
  });
});
