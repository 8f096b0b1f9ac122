// The v1 testing kit: every arbitrary is valid against the Mesos 1.11 master rules (a test-local
// oracle of the rules in src/master/validation.cpp and src/common/validation.cpp, 1.11.0, until
// the library's v1 rules land), encodes, covers its documented space, and the seed arbitraries'
// messages convert to v1 messages that pass the same rules (anonymous volumes aside: toMesosV1
// warns about exactly those).
import { create, equals, fromBinary, isFieldSet, toBinary } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { fromMesosV1, toMesosV1 } from "../../src/convert/index.js";
import { formatPath } from "../../src/problems/index.js";
import { isSet } from "../../src/schema/index.js";
import {
  executorInfo,
  invalidV1TaskInfo,
  offer,
  taskInfo,
  V1_DEFECTS,
  V1_TASK_KINDS,
  type V1Defect,
  v1ContainerInfo,
  v1FromSeed,
  v1LaunchGroup,
  v1Offer,
  v1TaskInfo,
  v1Volume,
} from "../../src/testing/index.js";

const RUNS = { numRuns: 200 };

// --- the oracle: Mesos 1.11's master rules for what the kit generates --------------------------

function idProblems(id: v1.TaskID | v1.AgentID | v1.ExecutorID | undefined, at: string): string[] {
  const value = id?.value;
  if (value === undefined || value === "") return [`${at}: empty`];
  if (new TextEncoder().encode(value).length > 255) return [`${at}: too long`];
  if (value === "." || value === "..") return [`${at}: disallowed`];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
  if (/[\u0000-\u001f\u007f-\u009f/\\]/u.test(value)) return [`${at}: invalid characters`];
  return [];
}

function envProblems(command: v1.CommandInfo | undefined, at: string): string[] {
  const out: string[] = [];
  for (const [i, v] of (command?.environment?.variables ?? []).entries()) {
    const type = isSet(v, "type") ? v.type : v1.Environment_Variable_Type.VALUE;
    if (
      type === v1.Environment_Variable_Type.VALUE &&
      (!isSet(v, "value") || v.secret !== undefined)
    ) {
      out.push(`${at}.environment.variables[${i}]: VALUE needs a value and no secret`);
    }
    if (type === v1.Environment_Variable_Type.UNKNOWN) out.push(`${at}.variables[${i}]: UNKNOWN`);
  }
  return out;
}

const SOURCE_FIELD: Record<number, keyof v1.Volume_Source> = {
  [v1.Volume_Source_Type.DOCKER_VOLUME]: "dockerVolume",
  [v1.Volume_Source_Type.HOST_PATH]: "hostPath",
  [v1.Volume_Source_Type.SANDBOX_PATH]: "sandboxPath",
  [v1.Volume_Source_Type.SECRET]: "secret",
};

function volumeProblems(v: v1.Volume, at: string): string[] {
  const set = [isSet(v, "hostPath"), v.image !== undefined, v.source !== undefined].filter(Boolean);
  if (set.length !== 1)
    return [`${at}: Only one of them should be set: 'host_path', 'image' and 'source'`];
  if (v.source !== undefined) {
    const field = SOURCE_FIELD[v.source.type];
    if (field === undefined || v.source[field] === undefined)
      return [`${at}: source type and sub-message disagree`];
  }
  return [];
}

function containerProblems(c: v1.ContainerInfo | undefined, at: string): string[] {
  if (c === undefined) return [];
  const out = c.volumes.flatMap((v, i) => volumeProblems(v, `${at}.volumes[${i}]`));
  if (c.type === v1.ContainerInfo_Type.DOCKER) {
    if (c.docker === undefined)
      out.push(`${at}: DockerInfo 'docker' is not set for DOCKER typed ContainerInfo`);
    if (c.docker?.parameters.some((p) => p.key === "name")) out.push(`${at}: parameter 'name'`);
    if (c.mesos !== undefined) out.push(`${at}: DOCKER with mesos`);
    // The Docker containerizer publishes ports only on a bridge network.
    const network = c.docker?.network ?? v1.ContainerInfo_DockerInfo_Network.HOST;
    if (
      (c.docker?.portMappings.length ?? 0) > 0 &&
      network !== v1.ContainerInfo_DockerInfo_Network.BRIDGE
    ) {
      out.push(`${at}: port mappings without BRIDGE`);
    }
  } else if (c.docker !== undefined) {
    out.push(`${at}: MESOS with docker`);
  }
  return out;
}

function resourceProblems(resources: v1.Resource[], at: string, required: boolean): string[] {
  if (required && resources.length === 0) return [`${at}: Task uses no resources`];
  return resources.flatMap((r, i) => {
    if (r.name === "") return [`${at}[${i}]: empty name`];
    if (
      r.type === v1.Value_Type.SCALAR &&
      !(Number.isFinite(r.scalar?.value) && (r.scalar?.value ?? -1) >= 0)
    ) {
      return [`${at}[${i}]: bad scalar`];
    }
    if (r.type === v1.Value_Type.TEXT) return [`${at}[${i}]: TEXT`];
    return [];
  });
}

function taskProblems(t: v1.TaskInfo, inGroup = false): string[] {
  const out = [
    ...idProblems(t.taskId, "task_id"),
    ...idProblems(t.agentId, "agent_id"),
    ...resourceProblems(t.resources, "resources", true),
    ...envProblems(t.command, "command"),
    ...containerProblems(t.container, "container"),
  ];
  if ((t.command === undefined) === (t.executor === undefined)) {
    out.push("Task should have at least one (but not both) of CommandInfo or ExecutorInfo present");
  }
  if (inGroup && t.executor !== undefined) out.push("a task of a group has an executor");
  return out;
}

function defaultExecutorProblems(e: v1.ExecutorInfo): string[] {
  const out = [
    ...idProblems(e.executorId, "executor_id"),
    ...resourceProblems(e.resources, "resources", false),
  ];
  if (e.type !== v1.ExecutorInfo_Type.DEFAULT) out.push("not DEFAULT");
  if (e.command !== undefined)
    out.push("'ExecutorInfo.command' must not be set for 'DEFAULT' executor");
  if (e.container !== undefined && e.container.type !== v1.ContainerInfo_Type.MESOS)
    out.push("container must be MESOS");
  if (e.container?.mesos?.image !== undefined) out.push("container.mesos.image must not be set");
  if (e.frameworkId === undefined) out.push("'ExecutorInfo.framework_id' must be set");
  const scalar = (name: string) => e.resources.find((r) => r.name === name)?.scalar?.value ?? 0;
  if (scalar("cpus") < 0.01 || scalar("mem") < 32) out.push("executor below MIN_CPUS / MIN_MEM");
  return out;
}

function roundTrips<T extends v1.TaskInfo | v1.Offer | v1.Offer_Operation_LaunchGroup>(
  schema: Parameters<typeof toBinary>[0],
  m: T,
): boolean {
  return equals(schema, fromBinary(schema, toBinary(schema, m)), m);
}

// --- the oracle is not vacuous ------------------------------------------------------------------

describe("the oracle catches what Mesos 1.11 rejects", () => {
  test.each([
    [
      "a volume with nothing set",
      (t: v1.TaskInfo) => {
        t.container?.volumes.push(
          create(v1.VolumeSchema, { containerPath: "/x", mode: v1.Volume_Mode.RW }),
        );
      },
    ],
    [
      "DOCKER without docker",
      (t: v1.TaskInfo) => {
        if (t.container) t.container.docker = undefined;
      },
    ],
    [
      "a 'name' parameter",
      (t: v1.TaskInfo) => {
        t.container?.docker?.parameters.push(
          create(v1.ParameterSchema, { key: "name", value: "x" }),
        );
      },
    ],
    [
      "no resources",
      (t: v1.TaskInfo) => {
        t.resources = [];
      },
    ],
    [
      "an empty task ID",
      (t: v1.TaskInfo) => {
        t.taskId = create(v1.TaskIDSchema, { value: "" });
      },
    ],
    [
      "both command and executor",
      (t: v1.TaskInfo) => {
        t.executor = create(v1.ExecutorInfoSchema, { executorId: { value: "e" } });
      },
    ],
  ])("%s", (_, mutate) => {
    const [task] = fc.sample(v1TaskInfo({ kind: "docker" }), { numRuns: 1, seed: 1 });
    if (task === undefined) throw new Error("sample");
    expect(taskProblems(task)).toEqual([]);
    mutate(task);
    expect(taskProblems(task)).not.toEqual([]);
  });
});

// --- the kit ------------------------------------------------------------------------------------

describe("v1 arbitraries are valid by construction", () => {
  test.each(V1_TASK_KINDS)(
    "v1TaskInfo({ kind: %s }) passes the 1.11 rules and round-trips",
    (kind) => {
      fc.assert(
        fc.property(v1TaskInfo({ kind }), (t) => {
          const problems = taskProblems(t);
          const shape =
            kind === "command"
              ? t.container === undefined
              : t.container?.type ===
                (kind === "docker" ? v1.ContainerInfo_Type.DOCKER : v1.ContainerInfo_Type.MESOS);
          return problems.length === 0 && shape && roundTrips(v1.TaskInfoSchema, t);
        }),
        RUNS,
      );
    },
  );

  test("Docker tasks cover networks, port mappings, parameters and every volume kind Docker mounts", () => {
    const tasks = fc.sample(v1TaskInfo({ kind: "docker" }), { numRuns: 400, seed: 42 });
    const docker = tasks.map((t) => t.container?.docker as v1.ContainerInfo_DockerInfo);
    const networks = new Set(
      docker.map((d) =>
        isSet(d, "network") ? v1.ContainerInfo_DockerInfo_Network[d.network] : "unset",
      ),
    );
    expect([...networks].sort()).toEqual(["BRIDGE", "HOST", "NONE", "unset"]);
    expect(docker.some((d) => d.portMappings.length > 0)).toBe(true);
    expect(docker.some((d) => d.parameters.length > 0)).toBe(true);
    expect(docker.some((d) => isSet(d, "privileged"))).toBe(true);
    const kinds = new Set(
      tasks.flatMap((t) =>
        (t.container?.volumes ?? []).map((v) =>
          isSet(v, "hostPath") ? "host_path" : v1.Volume_Source_Type[v.source?.type ?? 0],
        ),
      ),
    );
    // Only the kinds the Docker containerizer mounts: it skips SANDBOX_PATH and the other
    // sources silently (Mesos 1.11.0 src/docker/docker.cpp), so they are not drawn for Docker.
    expect([...kinds].sort()).toEqual(["DOCKER_VOLUME", "host_path"]);
  });

  test("MESOS containers cover images and HOST_PATH volumes", () => {
    const containers = fc.sample(v1ContainerInfo({ type: "mesos" }), { numRuns: 300, seed: 7 });
    expect(containers.some((c) => c.mesos?.image?.docker?.name !== undefined)).toBe(true);
    expect(containers.some((c) => c.mesos === undefined)).toBe(true);
    expect(
      containers.some((c) =>
        c.volumes.some((v) => v.source?.type === v1.Volume_Source_Type.HOST_PATH),
      ),
    ).toBe(true);
    expect(containers.every((c) => containerProblems(c, "c").length === 0)).toBe(true);
  });

  test("v1Volume honours kinds and SANDBOX_PATH PARENT only on request", () => {
    fc.assert(
      fc.property(
        v1Volume({ kinds: ["SANDBOX_PATH"] }),
        (v) =>
          v.source?.sandboxPath?.type === v1.Volume_Source_SandboxPath_Type.SELF &&
          volumeProblems(v, "v").length === 0,
      ),
      RUNS,
    );
    const parents = fc.sample(v1Volume({ kinds: ["SANDBOX_PATH"], parentSandbox: true }), {
      numRuns: 100,
      seed: 3,
    });
    expect(
      parents.some((v) => v.source?.sandboxPath?.type === v1.Volume_Source_SandboxPath_Type.PARENT),
    ).toBe(true);
  });

  test("v1LaunchGroup: a DEFAULT executor and 1–3 tasks with distinct IDs on one agent", () => {
    fc.assert(
      fc.property(v1LaunchGroup(), (op) => {
        const executor = op.executor as v1.ExecutorInfo;
        const tasks = op.taskGroup?.tasks ?? [];
        const ids = new Set(tasks.map((t) => t.taskId?.value));
        const agents = new Set(tasks.map((t) => t.agentId?.value));
        return (
          defaultExecutorProblems(executor).length === 0 &&
          tasks.length >= 1 &&
          tasks.length <= 3 &&
          ids.size === tasks.length &&
          agents.size === 1 &&
          tasks.every((t) => taskProblems(t, true).length === 0) &&
          roundTrips(v1.Offer_Operation_LaunchGroupSchema, op)
        );
      }),
      RUNS,
    );
  });

  test("v1Offer: round-trips; converts to the seed exactly when it has no allocation_info", () => {
    fc.assert(
      fc.property(v1Offer(), (o) => {
        const back = fromMesosV1(v1.OfferSchema, o);
        return roundTrips(v1.OfferSchema, o) && back.success === (o.allocationInfo === undefined);
      }),
      RUNS,
    );
    expect(
      fc.sample(v1Offer(), { numRuns: 100, seed: 5 }).some((o) => o.allocationInfo !== undefined),
    ).toBe(true);
  });

  test("a v1 command task (no container) is one the seed can carry: v1 → seed → v1 is identity", () => {
    fc.assert(
      fc.property(v1TaskInfo({ kind: "command" }), (t) => {
        const back = fromMesosV1(v1.TaskInfoSchema, t);
        if (!back.success) return false;
        const again = toMesosV1(seed.TaskInfoSchema, back.data);
        return again.success && equals(v1.TaskInfoSchema, again.data, t);
      }),
      RUNS,
    );
  });
});

describe("seed arbitraries convert to v1 messages that pass the 1.11 rules", () => {
  test("every seed TaskInfo: valid for 1.11 except the volumes toMesosV1 warns about", () => {
    fc.assert(
      fc.property(taskInfo(), (task) => {
        const r = toMesosV1(seed.TaskInfoSchema, task);
        if (!r.success) return false;
        // The seed path …container.docker.volume[i] is …container.volumes[i] in v1.
        const expected = r.issues
          .filter((i) => i.code === "anonymous_volume_refused_by_mesos")
          .map((i) =>
            formatPath(
              i.path.filter((k) => k !== "docker").map((k) => (k === "volume" ? "volumes" : k)),
            ),
          )
          .map((at) => `${at}: Only one of them should be set: 'host_path', 'image' and 'source'`);
        const problems = taskProblems(r.data).concat(
          r.data.executor === undefined
            ? []
            : containerProblems(r.data.executor.container, "executor.container"),
        );
        return JSON.stringify(problems.sort()) === JSON.stringify(expected.sort());
      }),
      RUNS,
    );
  });

  test("v1FromSeed converts every seed executor and offer", () => {
    fc.assert(
      fc.property(
        v1FromSeed(seed.ExecutorInfoSchema, executorInfo()),
        (e) =>
          e.$typeName === "mesos.v1.ExecutorInfo" &&
          isFieldSet(e, v1.ExecutorInfoSchema.field.command),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(
        v1FromSeed(seed.OfferSchema, offer()),
        (o) => o.$typeName === "mesos.v1.Offer" && o.agentId !== undefined,
      ),
      RUNS,
    );
  });
});

describe("the near-miss hook", () => {
  test("invalidV1TaskInfo draws from V1_DEFECTS by default and refuses an empty list, saying so", () => {
    expect(V1_DEFECTS.length).toBeGreaterThan(0);
    const codes = new Set(V1_DEFECTS.map((d) => d.code));
    const drawn = fc.sample(invalidV1TaskInfo(), { numRuns: 300, seed: 3 });
    for (const m of drawn) expect(codes.has(m.expected.code)).toBe(true);
    expect(() => invalidV1TaskInfo([])).toThrow(/no v1 defects given/);
  });

  test("with a defect, every near miss carries it and the oracle sees it", () => {
    const noResources: V1Defect = {
      code: "resources_empty",
      apply(task) {
        task.resources = [];
        return ["resources"];
      },
    };
    fc.assert(
      fc.property(invalidV1TaskInfo([noResources]), (m) => {
        return (
          m.expected.code === "resources_empty" &&
          taskProblems(m.task).includes("resources: Task uses no resources")
        );
      }),
      { numRuns: 50 },
    );
  });
});
