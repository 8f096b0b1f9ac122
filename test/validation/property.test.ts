// Properties: canonical messages validate clean; a random single defect gives exactly the issue it
// should, at its path; any mix of defects is reported in field order.

import { clone, create, type DescField } from "@bufbuild/protobuf";
import { reflect } from "@bufbuild/protobuf/reflect";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  Environment_VariableSchema,
  ExecutorInfoSchema,
  OfferSchema,
  type TaskInfo,
  TaskInfoSchema,
  Value_Type,
} from "../../gen/mesos/mesos_pb.js";
import type { IssueCode, IssuePath } from "../../src/validation/index.js";
import { validate } from "../../src/validation/index.js";
import {
  commandTask,
  dockerExecutor,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
  offer,
} from "../fixtures/canonical.js";
import { cmd, dockerInfo, keys, volume } from "./build.js";
import { inFieldOrder } from "./order.js";
import { locations, navigate, pathOf } from "./sites.js";

const RUNS = { numRuns: 200 };

describe("canonical messages", () => {
  test("the task fixtures validate with no issue (legacy: only its deprecation warning)", () => {
    for (const task of [commandTask(), dockerTask(), dockerExecutorTask()]) {
      expect(validate(TaskInfoSchema, task).issues).toEqual([]);
    }
    expect(keys(validate(TaskInfoSchema, legacyDockerTask()).issues)).toEqual([
      "legacy_container_deprecated@command.container",
    ]);
    expect(validate(ExecutorInfoSchema, dockerExecutor()).issues).toEqual([]);
  });

  test.prop([fc.integer({ min: 0, max: 120 })], { numRuns: 30 })("offers of any size", (n) => {
    expect(validate(OfferSchema, offer(n)).issues).toEqual([]);
  });
});

// --- single defects -----------------------------------------------------------------------------

type Fixture = "docker" | "command" | "executor" | "legacy";
const FIXTURES: Record<Fixture, () => TaskInfo> = {
  docker: dockerTask,
  command: commandTask,
  executor: dockerExecutorTask,
  legacy: legacyDockerTask,
};
// The issues each fixture reports untouched (kept out of the "exactly this issue" check).
const BASELINE: Record<Fixture, string[]> = {
  docker: [],
  command: [],
  executor: [],
  legacy: ["legacy_container_deprecated@command.container"],
};

interface Defect {
  readonly fixture: Fixture;
  readonly mutate: (t: TaskInfo) => void;
  readonly code: IssueCode;
  readonly path: IssuePath;
  readonly label: string;
}

const segment = fc
  .array(fc.constantFrom(..."abcxyz0189_-"), { minLength: 1, maxLength: 8 })
  .map((cs) => cs.join(""));
// Clean absolute paths that are neither "/" nor the sandbox, and distinct from the fixtures'.
const absolutePath = fc
  .array(segment, { minLength: 1, maxLength: 4 })
  .map((segs) => `/p-${segs.join("/")}`);
const relativePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("/"));
const controlChar = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
);
const volumeIndex = fc.integer({ min: 0, max: 2 }); // the docker fixture has three volumes
const VOL = ["container", "docker", "volume"];

function insertAt(s: string, at: number, text: string): string {
  const i = 1 + (at % s.length); // after the leading "/" (or first character)
  return s.slice(0, i) + text + s.slice(i);
}

// Drops what Mesos refuses in IDs (ASCII control characters, '/', '\\').
function withoutIdSpecials(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x20 && c !== 0x7f && ch !== "/" && ch !== "\\") out += ch;
  }
  return out;
}

function setVolumeField(t: TaskInfo, i: number, field: "containerDir" | "hostDir", v: string) {
  const vol = dockerInfo(t).volume[i];
  if (vol) vol[field] = v;
}

const defects: fc.Arbitrary<Defect>[] = [
  fc.tuple(volumeIndex, relativePath).map(([i, p]) => ({
    label: `volume[${i}].container_dir = ${JSON.stringify(p)}`,
    fixture: "docker",
    mutate: (t) => setVolumeField(t, i, "containerDir", p),
    code: "container_dir_not_absolute",
    path: [...VOL, i, "container_dir"],
  })),
  fc.tuple(volumeIndex, relativePath).map(([i, p]) => ({
    label: `volume[${i}].host_dir = ${JSON.stringify(p)}`,
    fixture: "docker",
    mutate: (t) => setVolumeField(t, i, "hostDir", p),
    code: "host_dir_not_absolute",
    path: [...VOL, i, "host_dir"],
  })),
  fc.tuple(volumeIndex, absolutePath, fc.nat()).map(([i, p, at]) => ({
    label: `volume[${i}].container_dir with ':'`,
    fixture: "docker",
    mutate: (t) => setVolumeField(t, i, "containerDir", insertAt(p, at, ":")),
    code: "path_contains_colon",
    path: [...VOL, i, "container_dir"],
  })),
  fc.tuple(volumeIndex, absolutePath, fc.nat(), controlChar).map(([i, p, at, ch]) => ({
    label: `volume[${i}].host_dir with U+${ch.toString(16)}`,
    fixture: "docker",
    mutate: (t) => setVolumeField(t, i, "hostDir", insertAt(p, at, String.fromCharCode(ch))),
    code: "path_contains_control_character",
    path: [...VOL, i, "host_dir"],
  })),
  fc
    .tuple(volumeIndex, absolutePath, fc.constantFrom("/", "//", "/."), fc.boolean())
    .map(([i, p, junk, atEnd]) => ({
      label: `volume[${i}].container_dir not clean`,
      fixture: "docker",
      mutate: (t) =>
        setVolumeField(t, i, "containerDir", atEnd ? p + junk : p.replace("/", `${junk}/`)),
      code: "path_not_clean",
      path: [...VOL, i, "container_dir"],
    })),
  fc.tuple(volumeIndex, absolutePath).map(([i, p]) => ({
    label: `volume[${i}].host_dir with '..'`,
    fixture: "docker",
    mutate: (t) => setVolumeField(t, i, "hostDir", `${p}/../x`),
    code: "path_has_parent_segment",
    path: [...VOL, i, "host_dir"],
  })),
  fc.tuple(volumeIndex, absolutePath).map(([i, p]) => ({
    label: `volume[${i}] repeated`,
    fixture: "docker",
    mutate: (t) => {
      const d = dockerInfo(t);
      d.volume.push(volume(d.volume[i]?.containerDir ?? "", p));
    },
    code: "duplicate_container_dir",
    path: [...VOL, 3, "container_dir"],
  })),
  fc
    .tuple(
      fc.constantFrom<Fixture>("docker", "command", "executor", "legacy"),
      fc.string({ maxLength: 20 }),
      fc.constantFrom("/", "\\", "\0", "\n", "\x7f"),
      fc.string({ maxLength: 20 }),
    )
    .map(([fixture, a, bad, b]) => ({
      label: `task_id with ${JSON.stringify(bad)}`,
      fixture,
      mutate: (t) => {
        if (t.taskId) t.taskId.value = `${withoutIdSpecials(a)}${bad}${withoutIdSpecials(b)}`;
      },
      code: "id_invalid_characters",
      path: ["task_id", "value"],
    })),
  fc.tuple(fc.integer({ min: 256, max: 400 })).map(([n]) => ({
    label: `slave_id of ${n} characters`,
    fixture: "command",
    mutate: (t) => {
      if (t.slaveId) t.slaveId.value = "s".repeat(n);
    },
    code: "id_too_long",
    path: ["slave_id", "value"],
  })),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.nat()).map(([at, up]) => ({
    label: "uppercase in the image name",
    fixture: "docker",
    mutate: (t) => {
      const name = "busybox";
      const i = at % name.length;
      const upper = name.slice(0, i) + name.charAt(i).toUpperCase() + name.slice(i + 1);
      dockerInfo(t).image = `${upper}:1.${up % 50}`;
    },
    code: "image_invalid",
    path: ["container", "docker", "image"],
  })),
  fc
    .tuple(
      fc.constantFrom<Fixture>("docker", "command", "legacy"),
      fc.double({ max: -1e-9, noNaN: true }),
    )
    .map(([fixture, value]) => ({
      label: `resources[0].scalar = ${value}`,
      fixture,
      mutate: (t) => {
        const s = t.resources[0]?.scalar;
        if (s) s.value = value;
      },
      code: "scalar_invalid",
      path: ["resources", 0, "scalar", "value"],
    })),
  fc.tuple(fc.bigInt({ min: 1n, max: 30000n })).map(([d]) => ({
    label: "inverted ports range",
    fixture: "docker",
    mutate: (t) => {
      const r = t.resources[2]?.ranges?.range[0];
      if (r) r.end = r.begin - d;
    },
    code: "range_inverted",
    path: ["resources", 2, "ranges", "range", 0],
  })),
  fc
    .tuple(fc.constantFrom<Fixture>("docker", "command"), fc.string({ maxLength: 10 }))
    .map(([fixture, value]) => ({
      label: "duplicate environment variable",
      fixture,
      mutate: (t) => {
        const vars = cmd(t).environment?.variables;
        vars?.push(create(Environment_VariableSchema, { name: vars[0]?.name ?? "", value }));
      },
      code: "env_name_duplicate",
      path: ["command", "environment", "variables", 1, "name"],
    })),
  fc
    .tuple(fc.constantFrom<Fixture>("docker", "command", "legacy"), fc.boolean())
    .map(([fixture, empty]) => ({
      label: `command value ${empty ? "empty" : "unset"}`,
      fixture,
      mutate: (t) => {
        if (empty) cmd(t).value = "";
        else delete (cmd(t) as { value?: string }).value;
      },
      code: "shell_command_missing",
      path: ["command", "value"],
    })),
];

// Removing one required field anywhere (executor.command has its own code).
const removals = fc
  .constantFrom<Fixture>("docker", "command", "executor", "legacy")
  .chain((fixture) => {
    const sites = locations(reflect(TaskInfoSchema, FIXTURES[fixture]()), (f) => f.presence === 3);
    return fc.constantFrom(...sites).map(([steps, field]): Defect => {
      const path = pathOf(steps, field);
      const executorCommand = path.join(".") === "executor.command";
      return {
        label: `remove ${path.join(".")}`,
        fixture,
        mutate: (t) => navigate(reflect(TaskInfoSchema, t), steps).clear(field),
        code: executorCommand ? "executor_command_missing" : "required_field_missing",
        path,
      };
    });
  });

// Setting one enum field anywhere to a number its enum does not define.
const unknownEnums = fc.constantFrom<Fixture>("docker", "executor", "command").chain((fixture) => {
  const sites = locations(
    reflect(TaskInfoSchema, FIXTURES[fixture]()),
    (f) => f.fieldKind === "enum",
  );
  return fc.tuple(fc.constantFrom(...sites), fc.integer({ min: 4, max: 2 ** 31 - 1 })).map(
    ([[steps, field], n]): Defect => ({
      label: `${pathOf(steps, field).join(".")} = ${n}`,
      fixture,
      mutate: (t) =>
        navigate(reflect(TaskInfoSchema, t, false), steps).set(
          field as DescField & { fieldKind: "enum" },
          n,
        ),
      code: "unknown_enum_value",
      path: pathOf(steps, field),
    }),
  );
});

const anyDefect = fc.oneof(...defects, removals, unknownEnums);

function apply(defect: Defect): TaskInfo {
  const t = clone(TaskInfoSchema, FIXTURES[defect.fixture]());
  defect.mutate(t);
  return t;
}

describe("a single defect", () => {
  test.prop([anyDefect], RUNS)("reports exactly its issue, at its path", (defect) => {
    const { success, issues } = validate(TaskInfoSchema, apply(defect));
    const baseline = BASELINE[defect.fixture];
    const fresh = keys(issues).filter((k) => !baseline.includes(k));
    expect(fresh, defect.label).toEqual([`${defect.code}@${defect.path.join(".")}`]);
    expect(success).toBe(issues.every((i) => i.severity === "warning"));
  });
});

describe("several defects", () => {
  test.prop([fc.array(fc.oneof(...defects), { minLength: 2, maxLength: 6 })], RUNS)(
    "are all reported, in field order",
    (list) => {
      const t = clone(TaskInfoSchema, dockerTask());
      const applied = list.filter((d) => d.fixture === "docker");
      for (const d of applied) d.mutate(t);
      const { issues } = validate(TaskInfoSchema, t);
      expect(
        inFieldOrder(
          TaskInfoSchema,
          issues.map((i) => i.path),
        ),
      ).toBe(true);
      if (applied.length > 0) expect(issues.length).toBeGreaterThan(0);
    },
  );

  test.prop(
    [fc.constantFrom(Value_Type.SCALAR, Value_Type.RANGES, Value_Type.SET, Value_Type.TEXT)],
    {
      numRuns: 20,
    },
  )("a resource whose type names a payload it lacks", (type) => {
    const t = dockerTask();
    const r = t.resources[0];
    if (r) {
      r.type = type;
      if (type === Value_Type.SCALAR) r.scalar = undefined;
    }
    const codes = validate(TaskInfoSchema, t).issues.map((i) => i.code);
    expect(codes).toContain(
      type === Value_Type.TEXT ? "resource_type_unsupported" : "resource_payload_mismatch",
    );
  });
});
