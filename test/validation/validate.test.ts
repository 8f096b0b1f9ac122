// validate(): all issues at once in field order, unknown enum values, context passed down,
// hostile inputs, schemas from elsewhere, and the structural plan on every required and enum
// field of the canonical messages.
import {
  clone,
  create,
  createFileRegistry,
  type DescMessage,
  fromBinary,
  type Message,
  toBinary,
} from "@bufbuild/protobuf";
import { reflect } from "@bufbuild/protobuf/reflect";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import {
  FileDescriptorProtoSchema,
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as Type,
} from "@bufbuild/protobuf/wkt";
import { describe, expect, test } from "vitest";
import {
  CommandInfoSchema,
  ContainerInfo_DockerInfo_VolumeSchema,
  ContainerInfo_DockerInfoSchema,
  type ContainerInfo_Type,
  EnvironmentSchema,
  ExecutorInfoSchema,
  file_mesos_mesos,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  OfferSchema,
  TaskInfoSchema,
  Value_RangesSchema,
  Value_SetSchema,
} from "../../gen/mesos/mesos_pb.js";
import { cachedImageReference, MESOS_RULES } from "../../src/rules/index.js";
import type { Issue } from "../../src/validation/index.js";
import { validate } from "../../src/validation/index.js";
import {
  commandTask,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
  offer,
} from "../fixtures/canonical.js";
import {
  check,
  cmd,
  docker,
  dockerInfo,
  executor,
  executorTask,
  keys,
  volume,
  withCode,
} from "./build.js";
import { inFieldOrder } from "./order.js";
import { locations, navigate } from "./sites.js";

describe("all issues at once, in field order", () => {
  test("a task with defects everywhere reports each one, in declaration order", () => {
    const task = docker((t) => {
      if (t.taskId) t.taskId.value = "a/b";
      t.resources = [];
      const c = cmd(t);
      c.value = "";
      c.environment = create(EnvironmentSchema, {
        variables: [
          { name: "", value: "x" },
          { name: "A", value: "1" },
          { name: "A", value: "2" },
        ],
      });
      const d = dockerInfo(t);
      d.image = "Busybox";
      d.volume = [
        volume("data", "/h:x"),
        volume("/scratch", undefined, Mode.RO),
        volume("/scratch/"),
      ];
      t.labels = {
        $typeName: "mesos.Labels",
        labels: [{ $typeName: "mesos.Label", key: "k", value: "" }],
      };
      delete (t.labels.labels[0] as { key?: string }).key;
    });
    const result = validate(TaskInfoSchema, task);
    expect(result.success).toBe(false);
    expect(keys(result.issues)).toEqual([
      "id_invalid_characters@task_id.value",
      "resources_empty@resources",
      "env_name_empty@command.environment.variables.0.name",
      "env_name_duplicate@command.environment.variables.2.name",
      "shell_command_missing@command.value",
      "image_invalid@container.docker.image",
      "container_dir_not_absolute@container.docker.volume.0.container_dir",
      "path_contains_colon@container.docker.volume.0.host_dir",
      "read_only_anonymous_volume@container.docker.volume.1.mode",
      "path_not_clean@container.docker.volume.2.container_dir",
      "duplicate_container_dir@container.docker.volume.2.container_dir",
      "required_field_missing@labels.labels.0.key",
    ]);
    expect(
      inFieldOrder(
        TaskInfoSchema,
        result.issues.map((i) => i.path),
      ),
    ).toBe(true);
  });

  test("whole-task issues come first, then fields", () => {
    const task = executorTask((t) => {
      t.command = create(CommandInfoSchema, {});
      t.container = dockerTask().container;
      t.taskId = undefined;
    });
    expect(keys(validate(TaskInfoSchema, task).issues)).toEqual([
      "command_and_executor_both_set@",
      "required_field_missing@task_id",
      "shell_command_missing@command.value",
      "container_ignored_with_executor@container",
    ]);
  });

  test("success is false iff some issue is an error", () => {
    const warned = validate(TaskInfoSchema, legacyDockerTask());
    expect(warned.issues.map((i) => i.severity)).toEqual(["warning"]);
    expect(warned.success).toBe(true);
    expect(
      validate(
        TaskInfoSchema,
        docker((t) => (dockerInfo(t).image = "")),
      ).success,
    ).toBe(false);
  });
});

describe("unknown enum values", () => {
  // A Volume on the wire whose mode field carries the given varints (in order).
  function volumeBytes(...modes: number[]): Uint8Array {
    const w = new BinaryWriter().tag(1, WireType.LengthDelimited).string("/data");
    for (const m of modes) w.tag(3, WireType.Varint).int32(m);
    return w.finish();
  }

  test("a value decoded into $unknown is unknown_enum_value N, not a missing field", () => {
    const v = fromBinary(ContainerInfo_DockerInfo_VolumeSchema, volumeBytes(9));
    expect(v.$unknown?.length).toBe(1);
    const { issues } = validate(ContainerInfo_DockerInfo_VolumeSchema, v);
    expect(keys(issues)).toEqual(["unknown_enum_value@mode"]);
    expect(issues[0]?.message).toContain("unknown enum value 9");
    expect(issues[0]?.message).toContain("RW (1), RO (2)");
  });

  test("negative values (10-byte varints) read back as int32", () => {
    const v = fromBinary(ContainerInfo_DockerInfo_VolumeSchema, volumeBytes(-1));
    expect(validate(ContainerInfo_DockerInfo_VolumeSchema, v).issues[0]?.message).toContain(
      "unknown enum value -1",
    );
  });

  test("an unknown value after a known one wins, as on the wire", () => {
    const v = fromBinary(ContainerInfo_DockerInfo_VolumeSchema, volumeBytes(1, 5));
    expect(v.mode).toBe(Mode.RW);
    expect(keys(validate(ContainerInfo_DockerInfo_VolumeSchema, v).issues)).toEqual([
      "unknown_enum_value@mode",
    ]);
  });

  test("survives a TaskInfo binary round trip with the path from the task", () => {
    const t = dockerTask();
    // A known mode followed on the wire by an unknown one (written back from $unknown).
    const v = dockerInfo(t).volume[1];
    if (v) v.$unknown = [{ no: 3, wireType: WireType.Varint, data: new Uint8Array([3]) }];
    // Appending a TaskInfo.resources entry (field 4) whose type (field 2) is 42.
    const resource = new BinaryWriter()
      .tag(1, WireType.LengthDelimited)
      .string("gpus")
      .tag(2, WireType.Varint)
      .int32(42)
      .finish();
    const extra = new BinaryWriter().tag(4, WireType.LengthDelimited).bytes(resource).finish();
    const bytes = new Uint8Array([...toBinary(TaskInfoSchema, t), ...extra]);
    const decoded = fromBinary(TaskInfoSchema, bytes);
    expect(keys(validate(TaskInfoSchema, decoded).issues)).toEqual([
      "unknown_enum_value@resources.3.type",
      "unknown_enum_value@container.docker.volume.1.mode",
    ]);
  });
});

describe("context: shell false without value needs an image entrypoint", () => {
  test("Docker executor on its own: fine; without a container: executable_missing", () => {
    expect(validate(ExecutorInfoSchema, executor()).issues).toEqual([]);
    const plain = executor((e) => (e.container = undefined));
    expect(keys(validate(ExecutorInfoSchema, plain).issues)).toEqual([
      "executable_missing@command.value",
    ]);
  });

  test("a legacy docker:/// container on the same command provides the image", () => {
    const e = executor((x) => {
      x.container = undefined;
      cmd(x).container = create(CommandInfoSchema, {
        container: { image: "docker:///busybox" },
      }).container;
    });
    expect(keys(validate(ExecutorInfoSchema, e).issues)).toEqual([
      "legacy_container_deprecated@command.container",
    ]);
  });

  test("Docker task: fine; command task: executable_missing", () => {
    const dockerShellFalse = docker((t) =>
      Object.assign(cmd(t), { shell: false, value: undefined }),
    );
    expect(validate(TaskInfoSchema, dockerShellFalse).issues).toEqual([]);
    const commandShellFalse = commandTask();
    Object.assign(cmd(commandShellFalse), { shell: false, value: undefined });
    expect(keys(validate(TaskInfoSchema, commandShellFalse).issues)).toEqual([
      "executable_missing@command.value",
    ]);
  });

  test("a task's container does not reach the executor's command", () => {
    const t = executorTask((x) => {
      if (x.executor) x.executor.container = undefined;
      x.container = dockerTask().container;
    });
    expect(keys(validate(TaskInfoSchema, t).issues)).toEqual([
      "executable_missing@executor.command.value",
      "container_ignored_with_executor@container",
    ]);
  });
});

describe("never throws", () => {
  const cases: [string, unknown][] = [
    ["null", null],
    ["a number", 42],
    ["a plain object", {}],
    ["another message type", volume("/data")],
    ["a TaskInfo-typed object without its arrays", { $typeName: "mesos.TaskInfo", name: "x" }],
  ];
  test.each(cases)("%s gives invalid_input", (_name, value) => {
    const result = check(TaskInfoSchema, value as Message);
    expect(result.success).toBe(false);
    expect(result.issues.map((i) => i.code)).toContain("invalid_input");
  });

  test("the path of a shape error is where the walk stopped", () => {
    const t = dockerTask();
    (dockerInfo(t) as { volume: unknown }).volume = undefined;
    const result = validate(TaskInfoSchema, t);
    expect(keys(result.issues)).toEqual(["invalid_input@container.docker"]);
  });
});

describe("messages", () => {
  test("say what is wrong, quote the value (cut when long) and say how to fix it", () => {
    const long = `rel/${"x".repeat(2000)}`;
    const { issues } = validate(
      TaskInfoSchema,
      docker((t) => (dockerInfo(t).volume[0] = volume("/data", long))),
    );
    const message = issues[0]?.message ?? "";
    expect(message).toContain('host_dir "rel/xxx');
    expect(message).toContain("… (2004 characters)");
    expect(message).toContain("e.g. ");
    expect(message.length).toBeLessThan(600);
  });

  test("executor_command_missing suggests shell: false with no value for a Docker executor", () => {
    const e = executor((x) => (x.command = undefined));
    const [issue] = validate(ExecutorInfoSchema, e).issues;
    expect(issue?.code).toBe("executor_command_missing");
    expect(issue?.message).toContain("even for a Docker executor");
    expect(issue?.message).toContain("{ shell: false } with no value");
  });

  test("required_field_missing names the field and the message type", () => {
    const [issue] = validate(
      TaskInfoSchema,
      docker((t) => (t.slaveId = undefined)),
    ).issues;
    expect(issue?.message).toContain("required field slave_id of mesos.TaskInfo is not set");
  });

  test("path_not_clean names the clean form; '..' names what Docker resolves it to", () => {
    const { issues } = validate(
      ContainerInfo_DockerInfoSchema,
      create(ContainerInfo_DockerInfoSchema, {
        image: "busybox",
        volume: [volume("/a//b/./c/", "/x/../y")],
      }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('Docker uses "/a/b/c"'),
      expect.stringContaining('Docker resolves it silently to "/y"'),
    ]);
  });
});

describe("long lists stay linear and still find duplicates", () => {
  test("volumes past the pairwise limit", () => {
    const vols = Array.from({ length: 40 }, (_, i) => volume(`/v${i}`, `/h${i}`));
    vols[25] = volume("/v3/", "/h25");
    vols[39] = volume("/v30", "/h39");
    const d = create(ContainerInfo_DockerInfoSchema, { image: "busybox", volume: vols });
    expect(
      keys(withCode(validate(ContainerInfo_DockerInfoSchema, d).issues, "duplicate_container_dir")),
    ).toEqual([
      "duplicate_container_dir@volume.25.container_dir",
      "duplicate_container_dir@volume.39.container_dir",
    ]);
  });

  test("environment names and set items", () => {
    const env = create(EnvironmentSchema, {
      variables: Array.from({ length: 50 }, (_, i) => ({ name: `N${i % 45}`, value: "v" })),
    });
    expect(withCode(validate(EnvironmentSchema, env).issues, "env_name_duplicate")).toHaveLength(5);
    const items = Array.from({ length: 300 }, (_, i) => `i${i % 299}`);
    const set = create(Value_SetSchema, { item: items });
    expect(keys(validate(Value_SetSchema, set).issues)).toEqual(["set_item_duplicate@item.299"]);
  });

  test("ranges: short lists name the first earlier overlap; long lists flag every overlapping group", () => {
    const short = create(Value_RangesSchema, {
      range: [
        { begin: 10n, end: 20n },
        { begin: 30n, end: 40n },
        { begin: 15n, end: 35n },
      ],
    });
    const [issue] = validate(Value_RangesSchema, short).issues;
    expect(issue?.path).toEqual(["range", 2]);
    expect(issue?.message).toContain("overlaps range[0] [10, 20]");

    const range = Array.from({ length: 100 }, (_, i) => ({
      begin: BigInt(i * 10),
      end: BigInt(i * 10 + 5),
    }));
    range[70] = { begin: 301n, end: 302n }; // inside range[30]
    range[90] = { begin: 905n, end: 906n };
    range[91] = { begin: 906n, end: 915n }; // shares 906 with range[90]
    const long = create(Value_RangesSchema, { range });
    const overlaps = withCode(validate(Value_RangesSchema, long).issues, "ranges_overlap");
    expect(overlaps.map((i) => i.path)).toEqual([
      ["range", 70],
      ["range", 91],
    ]);
  });
});

describe("the generic fallback (schemas from elsewhere)", () => {
  const file = create(FileDescriptorProtoSchema, {
    name: "test/outer.proto",
    package: "test",
    dependency: ["mesos/mesos.proto"],
    syntax: "proto2",
    messageType: [
      {
        name: "Outer",
        field: [
          { name: "name", number: 1, label: Label.REQUIRED, type: Type.STRING, jsonName: "name" },
          {
            name: "task",
            number: 2,
            label: Label.OPTIONAL,
            type: Type.MESSAGE,
            typeName: ".mesos.TaskInfo",
            jsonName: "task",
          },
          {
            name: "color",
            number: 3,
            label: Label.REQUIRED,
            type: Type.ENUM,
            typeName: ".test.Color",
            jsonName: "color",
          },
          {
            name: "colors",
            number: 4,
            label: Label.REPEATED,
            type: Type.ENUM,
            typeName: ".test.Color",
            jsonName: "colors",
          },
          {
            name: "inner",
            number: 5,
            label: Label.REPEATED,
            type: Type.MESSAGE,
            typeName: ".test.Outer",
            jsonName: "inner",
          },
        ],
      },
    ],
    enumType: [
      {
        name: "Color",
        value: [
          { name: "RED", number: 1 },
          { name: "GREEN", number: 2 },
        ],
      },
    ],
  });
  const registry = createFileRegistry(file, (name) =>
    name === "mesos/mesos.proto" ? file_mesos_mesos : undefined,
  );
  const Outer = registry.getMessage("test.Outer") as DescMessage;

  test("required fields, closed enums (singular and repeated), recursion, and our messages inside", () => {
    const msg = create(Outer, {
      colors: [1, 7],
      task: docker((t) => (dockerInfo(t).image = "Busybox")),
      inner: [{ name: "x", color: 2 }, { color: 1 }],
    } as never);
    const { issues } = check(Outer, msg);
    expect(keys(issues)).toEqual([
      "required_field_missing@name",
      "image_invalid@task.container.docker.image",
      "required_field_missing@color",
      "unknown_enum_value@colors.1",
      "required_field_missing@inner.1.name",
    ]);
    expect(MESOS_RULES.has(Outer)).toBe(false);
  });
});

// --- the structural plan on the canonical messages ------------------------------------------

const REQUIRED = 3; // FeatureSet_FieldPresence.LEGACY_REQUIRED

/** The structural part of validate's verdict: missing required fields and unknown enum values. */
function genericPart(issues: readonly Issue[]): string[] {
  return issues
    .filter((i) =>
      ["required_field_missing", "unknown_enum_value", "executor_command_missing"].includes(i.code),
    )
    .map(
      (i) =>
        `${i.code === "executor_command_missing" ? "required_field_missing" : i.code}@${i.path.join(".")}`,
    );
}

const samples: [string, DescMessage, () => Message][] = [
  ["docker task", TaskInfoSchema, dockerTask],
  ["command task", TaskInfoSchema, commandTask],
  ["docker executor task", TaskInfoSchema, dockerExecutorTask],
  ["legacy task", TaskInfoSchema, legacyDockerTask],
  ["offer", OfferSchema, () => offer(4)],
];

describe("the structural plan finds every required and enum field", () => {
  test("rules are bound to messages of mesos.proto only, by descriptor", () => {
    const all: DescMessage[] = [];
    const collect = (messages: Iterable<DescMessage>) => {
      for (const m of messages) {
        all.push(m);
        collect(m.nestedMessages);
      }
    };
    collect(file_mesos_mesos.messages);
    expect(all.length).toBe(26);
    expect([...MESOS_RULES.keys()].filter((m) => !all.includes(m))).toEqual([]);
  });

  test.each(samples)("%s: each required field removed in turn", (_name, desc, make) => {
    const sites = locations(reflect(desc, make()), (f) => f.presence === REQUIRED);
    expect(sites.length).toBeGreaterThan(10);
    for (const [steps, field] of sites) {
      const msg = clone(desc, make());
      navigate(reflect(desc, msg), steps).clear(field);
      const found = genericPart(check(desc, msg).issues);
      expect(found).toEqual([
        expect.stringMatching(new RegExp(`^required_field_missing@(.*\\.)?${field.name}$`)),
      ]);
    }
  });

  test.each(samples)(
    "%s: each enum field set to an undefined number in turn",
    (_name, desc, make) => {
      const sites = locations(reflect(desc, make()), (f) => f.fieldKind === "enum");
      expect(sites.length).toBeGreaterThan(1);
      for (const [steps, field] of sites) {
        const msg = clone(desc, make());
        navigate(reflect(desc, msg, false), steps).set(field, 99 as never);
        const found = genericPart(check(desc, msg).issues);
        expect(found).toEqual([
          expect.stringMatching(new RegExp(`^unknown_enum_value@(.*\\.)?${field.name}$`)),
        ]);
      }
    },
  );
});

test("ContainerInfo type unset but docker set: only the missing type", () => {
  const t = docker((x) => {
    if (x.container) delete (x.container as { type?: ContainerInfo_Type }).type;
  });
  expect(keys(validate(TaskInfoSchema, t).issues)).toEqual([
    "required_field_missing@container.type",
  ]);
});

describe("cachedImageReference (shared with the launch resolver)", () => {
  test("a valid image parses once: the same frozen result comes back", () => {
    const first = cachedImageReference("registry.example.com/cache-test/app:1.0");
    expect(first.success).toBe(true);
    expect(cachedImageReference("registry.example.com/cache-test/app:1.0")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    if (first.success) {
      expect(Object.isFrozen(first.reference)).toBe(true);
      expect(first.reference.name).toBe("registry.example.com/cache-test/app");
    }
  });

  test("failures are not cached, and the cache stays bounded but correct past its size", () => {
    const bad = cachedImageReference("Bad/Name");
    expect(bad.success).toBe(false);
    expect(cachedImageReference("Bad/Name")).not.toBe(bad);
    for (let i = 0; i < 600; i++) {
      const result = cachedImageReference(`img${i}:v${i}`);
      expect(result.success && result.reference.tag).toBe(`v${i}`);
    }
  });
});
