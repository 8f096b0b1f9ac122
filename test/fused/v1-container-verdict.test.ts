// The fast verdict on Mesos 1.11 containers (Binding.clean of mesos.v1 ContainerInfo): the
// rules-only walk skips a container it calls clean (its DockerInfo, volumes, sources and docker
// volumes), which it does only for the common Docker shape whose image passes the image rules and
// whose volumes and mount points the volume rules found clean before with the same values. It must
// never call clean a container whose rules would report anything, whatever was walked before it:
// tables on both sides of every container, DockerInfo, volume and source rule, a table of shapes
// the rules pass but the verdict leaves to the walk, and a property over pairs (walk one
// container, then judge another), with the fused check (validateDecoded) equal to validate.
import { create, type MessageShape, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decode } from "../../src/index.js";
import { MESOS_V1_RULES } from "../../src/mesos-v1/index.js";
import { Collector } from "../../src/rules/index.js";
import { arbitraryMessage } from "../../src/testing/index.js";
import * as v1 from "../../src/v1/index.js";
import { validate, validateDecoded } from "../../src/validation/index.js";
import { planOf } from "../../src/validation/plan.js";
import { rulesRunOf } from "../../src/validation/rules-only.js";

type Container = MessageShape<typeof v1.ContainerInfoSchema>;
type Init = Record<string, unknown>;

const Schema = v1.ContainerInfoSchema;
const clean = MESOS_V1_RULES.get(Schema)?.clean as (m: never, f: number) => boolean;

// The issues of the rules alone (the interpreter: it never takes the fast verdict of a type with
// children); walking also fills the volume rules' memory of clean volumes.
function ruleIssues(container: Container) {
  const c = new Collector();
  rulesRunOf(planOf(Schema), true)(container, c, 0);
  return c.issues;
}

const DOCKER = v1.ContainerInfo_Type.DOCKER;
const RW = v1.Volume_Mode.RW;
const RO = v1.Volume_Mode.RO;
const docker = (init: Init, more: Init = {}): Container =>
  create(Schema, { type: DOCKER, docker: init, ...more });
const withVolumes = (volumes: Init[], dockerInit: Init = {}): Container =>
  docker({ image: "busybox:1.36", ...dockerInit }, { volumes });
const named = (name: string, driver?: string): Init => ({
  type: v1.Volume_Source_Type.DOCKER_VOLUME,
  dockerVolume: driver === undefined ? { name } : { name, driver },
});

// The bench's v1 Docker task container (bench/cases.ts).
const BENCH_VOLUMES: Init[] = [
  { containerPath: "/data", hostPath: "/var/data", mode: RW },
  { containerPath: "/etc/app", hostPath: "/etc/app", mode: RO },
  { containerPath: "/scratch", mode: RW, source: named("scratch") },
];

const CLEAN: [string, Container][] = [
  ["an image alone", docker({ image: "busybox:1.36" })],
  ["the bench's container", withVolumes(BENCH_VOLUMES)],
  [
    "a relative container path under an absolute host path",
    withVolumes([{ containerPath: "data", hostPath: "/var/data", mode: RW }]),
  ],
  [
    "a network and parameters",
    docker({ image: "alpine", network: 2, parameters: [{ key: "env", value: "A=1" }] }),
  ],
  ["an empty volume driver", withVolumes(BENCH_VOLUMES, { volumeDriver: "" })],
];

const NOT_CLEAN: [string, Container][] = [
  ["no DockerInfo", create(Schema, { type: DOCKER })],
  ["a MESOS info too", docker({ image: "busybox" }, { mesos: {} })],
  ["an empty image", docker({ image: "" })],
  ["a docker:/// image", docker({ image: "docker:///busybox" })],
  ["an invalid image", docker({ image: "Not An Image" })],
  [
    "a parameter named name",
    docker({ image: "busybox", parameters: [{ key: "name", value: "x" }] }),
  ],
  ["a USER network without network_infos", docker({ image: "busybox", network: 4 })],
  [
    "port mappings on the default network",
    docker({ image: "busybox", portMappings: [{ hostPort: 31000, containerPort: 80 }] }),
  ],
  ["a hostname on the host network", docker({ image: "busybox" }, { hostname: "web" })],
  [
    "two volume drivers",
    withVolumes([{ containerPath: "/a", mode: RW, source: named("a", "rexray") }], {
      volumeDriver: "flocker",
    }),
  ],
  [
    "two docker volumes with different drivers",
    withVolumes([
      { containerPath: "/a", mode: RW, source: named("a", "rexray") },
      { containerPath: "/b", mode: RW, source: named("b", "flocker") },
    ]),
  ],
  ["a volume with no source", withVolumes([{ containerPath: "/a", mode: RW }])],
  [
    "a volume with host_path and source",
    withVolumes([{ containerPath: "/a", hostPath: "/a", mode: RW, source: named("a") }]),
  ],
  [
    "an image volume",
    withVolumes([
      { containerPath: "/a", mode: RW, image: { type: 2, docker: { name: "busybox" } } },
    ]),
  ],
  [
    "a SANDBOX_PATH source",
    withVolumes([
      {
        containerPath: "/a",
        mode: RW,
        source: { type: v1.Volume_Source_Type.SANDBOX_PATH, sandboxPath: { type: 1, path: "d" } },
      },
    ]),
  ],
  [
    "a DOCKER_VOLUME source without docker_volume",
    withVolumes([
      { containerPath: "/a", mode: RW, source: { type: v1.Volume_Source_Type.DOCKER_VOLUME } },
    ]),
  ],
  [
    "a docker volume without a name",
    withVolumes([{ containerPath: "/a", mode: RW, source: named("") }]),
  ],
  ["a volume at /", withVolumes([{ containerPath: "/", hostPath: "/var/data", mode: RW }])],
  [
    "a volume at the sandbox",
    withVolumes([{ containerPath: "/mnt/mesos/sandbox", hostPath: "/var/data", mode: RW }]),
  ],
  ["both paths relative", withVolumes([{ containerPath: "data", hostPath: "var", mode: RW }])],
  ["a colon in the host path", withVolumes([{ containerPath: "/a", hostPath: "/a:b", mode: RW }])],
  [
    "a '..' in the container path",
    withVolumes([{ containerPath: "/a/../b", hostPath: "/a", mode: RW }]),
  ],
  [
    "the same mount point twice",
    withVolumes([
      { containerPath: "/data", hostPath: "/a", mode: RW },
      { containerPath: "/data", hostPath: "/b", mode: RW },
    ]),
  ],
  [
    "one mount point twice once joined under the sandbox",
    withVolumes([
      { containerPath: "data", hostPath: "/a", mode: RW },
      { containerPath: "/mnt/mesos/sandbox/data", hostPath: "/b", mode: RW },
    ]),
  ],
];

// Shapes the rules pass but the verdict does not settle: left to the walk.
const WALKED: [string, Container][] = [
  ["a hostname on a bridge network", docker({ image: "busybox", network: 2 }, { hostname: "web" })],
  ["network_infos", docker({ image: "busybox" }, { networkInfos: [{ name: "n" }] })],
  ["linux_info", docker({ image: "busybox" }, { linuxInfo: { sharePidNamespace: true } })],
  [
    "a volume driver",
    withVolumes([{ containerPath: "/a", mode: RW, source: named("a") }], {
      volumeDriver: "rexray",
    }),
  ],
  [
    "a named docker volume driver",
    withVolumes([{ containerPath: "/a", mode: RW, source: named("a", "rexray") }]),
  ],
];

// Containers near the edges of the rules the verdict covers.
const containers: fc.Arbitrary<Container> = fc
  .record({
    image: fc.constantFrom("busybox:1.36", "", "docker:///busybox", "Bad Image", "alpine"),
    network: fc.constantFrom(undefined, 1, 2, 4),
    hostname: fc.option(fc.constant("web"), { nil: undefined }),
    parameters: fc.array(
      fc.record({ key: fc.constantFrom("name", "env"), value: fc.constant("v") }),
      {
        maxLength: 2,
      },
    ),
    volumeDriver: fc.option(fc.constantFrom("", "rexray"), { nil: undefined }),
    volumes: fc.array(
      fc.record({
        containerPath: fc.constantFrom(
          "/data",
          "/data/",
          "/",
          "data",
          "",
          "/mnt/mesos/sandbox",
          "/mnt/mesos/sandbox/data",
        ),
        hostPath: fc.option(fc.constantFrom("/var/data", "rel", "", "/a:b"), { nil: undefined }),
        mode: fc.constantFrom(RW, RO),
        source: fc.option(
          fc.oneof(
            fc
              .record({
                name: fc.constantFrom("scratch", ""),
                driver: fc.option(fc.constantFrom("", "rexray", "flocker"), { nil: undefined }),
              })
              .map((d) => named(d.name, d.driver)),
            fc.constant({
              type: v1.Volume_Source_Type.SANDBOX_PATH,
              sandboxPath: { type: 1, path: "d" },
            }),
            fc.constant({ type: v1.Volume_Source_Type.DOCKER_VOLUME }),
          ),
          { nil: undefined },
        ),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ image, network, hostname, parameters, volumeDriver, volumes }) => {
    const init: Init = { image, parameters };
    if (network !== undefined) init.network = network;
    if (volumeDriver !== undefined) init.volumeDriver = volumeDriver;
    const more: Init = { volumes: volumes.map(stripUndefined) };
    if (hostname !== undefined) more.hostname = hostname;
    return docker(init, more);
  });

function stripUndefined(init: Init): Init {
  return Object.fromEntries(Object.entries(init).filter(([, v]) => v !== undefined));
}

// With the clean shapes themselves, so that some judged containers are clean.
const anyContainer = fc.oneof(
  containers,
  arbitraryMessage(Schema, { maxDepth: 3, maxLength: 3 }),
  fc.constantFrom(...CLEAN.map(([, container]) => container)),
);

// The rules-only check of a freshly decoded container equals the full check (the compiled tier,
// which asks the verdict, once a plan has run a few times).
function expectFusedEqual(container: Container): void {
  let decoded: Container | undefined;
  try {
    decoded = decode(Schema, toBinary(Schema, container));
  } catch {
    decoded = undefined;
  }
  if (decoded !== undefined) {
    expect(validateDecoded(Schema, decoded)).toEqual(validate(Schema, decoded));
  }
}

describe("v1 ContainerInfo", () => {
  test("the verdict is bound", () => {
    expect(typeof clean).toBe("function");
  });

  test.each(CLEAN)("clean once walked: %s", (_case, container) => {
    expect(ruleIssues(container)).toEqual([]);
    expect(clean(container as never, 0)).toBe(true);
    // A copy with the same values is clean too (the memory is of values, not objects).
    const copy = decode(Schema, toBinary(Schema, container));
    expect(clean(copy as never, 0)).toBe(true);
    for (let i = 0; i < 5; i++) expectFusedEqual(container);
  });

  test("clean without a type (required, so only in memory): it runs a subset of the DOCKER rules", () => {
    const container = create(Schema, { docker: { image: "busybox:1.36" } });
    expect(ruleIssues(container)).toEqual([]);
    expect(clean(container as never, 0)).toBe(true);
  });

  test("the mode is not compared: the v1 volume rules never read it", () => {
    const rw = withVolumes([{ containerPath: "/data", hostPath: "/var/data", mode: RW }]);
    const ro = withVolumes([{ containerPath: "/data", hostPath: "/var/data", mode: RO }]);
    expect(ruleIssues(rw)).toEqual([]);
    expect(ruleIssues(ro)).toEqual([]);
    ruleIssues(rw);
    expect(clean(ro as never, 0)).toBe(true);
  });

  test.each(NOT_CLEAN)("left to the walk, even once walked: %s", (_case, container) => {
    expect(ruleIssues(container)).not.toEqual([]);
    expect(clean(container as never, 0)).toBe(false);
    for (let i = 0; i < 5; i++) expectFusedEqual(container);
  });

  test.each(WALKED)("clean by the rules, but left to the walk: %s", (_case, container) => {
    expect(ruleIssues(container)).toEqual([]);
    expect(clean(container as never, 0)).toBe(false);
  });

  test("after walking any container (or itself), a container is clean only if its rules report nothing", () => {
    let cleanCount = 0;
    fc.assert(
      fc.property(anyContainer, anyContainer, fc.boolean(), (before, container, again) => {
        // Whatever the memory holds: another container's volumes, or (a stream repeating
        // itself) this container's own, reported or not.
        ruleIssues(before);
        if (again) ruleIssues(container);
        expectFusedEqual(container);
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
