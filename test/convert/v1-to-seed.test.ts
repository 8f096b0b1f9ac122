// fromMesosV1, one row per v1 field the seed cannot carry (the issue's code and its path in the
// v1 message), and the moves that bring a v1 Docker task back to the seed's shape.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { create, equals, fromJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import * as seed from "../../gen/mesos/mesos_pb.js";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { fromMesosV1, toMesosV1 } from "../../src/convert/index.js";
import { type CODES, formatPath } from "../../src/problems/index.js";
import { dockerExecutorTask, dockerTask, offer } from "../fixtures/canonical.js";
import { ROOT } from "../helpers/buf.js";

/** A v1 Docker task the seed can carry: the seed's canonical Docker task, converted. */
function v1DockerTask(): v1.TaskInfo {
  const r = toMesosV1(seed.TaskInfoSchema, dockerTask());
  if (!r.success) throw new Error("fixture");
  return r.data;
}

function v1ExecutorTask(): v1.TaskInfo {
  const r = toMesosV1(seed.TaskInfoSchema, dockerExecutorTask());
  if (!r.success) throw new Error("fixture");
  return r.data;
}

function docker(t: v1.TaskInfo): v1.ContainerInfo_DockerInfo {
  return t.container?.docker as v1.ContainerInfo_DockerInfo;
}

function container(t: v1.TaskInfo): v1.ContainerInfo {
  return t.container as v1.ContainerInfo;
}

function volume0(t: v1.TaskInfo): v1.Volume {
  return container(t).volumes[0] as v1.Volume;
}

function exec(t: v1.TaskInfo): v1.ExecutorInfo {
  return t.executor as v1.ExecutorInfo;
}

describe("fromMesosV1 moves", () => {
  test("docker (3) becomes seed docker (100) and volumes move into DockerInfo.volume, renamed", () => {
    const r = fromMesosV1(v1.TaskInfoSchema, v1DockerTask());
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.$typeName).toBe("mesos.TaskInfo");
    expect(r.data.slaveId?.value).toBe(dockerTask().slaveId?.value);
    expect(r.data.container?.docker?.volume[0]).toEqual(
      create(seed.ContainerInfo_DockerInfo_VolumeSchema, {
        containerDir: "/data",
        hostDir: "/var/data",
        mode: seed.ContainerInfo_DockerInfo_Volume_Mode.RW,
      }),
    );
    expect(equals(seed.TaskInfoSchema, r.data, dockerTask())).toBe(true);
    expect(r.issues).toEqual([]);
  });

  test("an offer converts back field for field", () => {
    const r = toMesosV1(seed.OfferSchema, offer(8));
    const back = r.success ? fromMesosV1(v1.OfferSchema, r.data) : r;
    expect(back.success && equals(seed.OfferSchema, back.data, offer(8))).toBe(true);
  });
});

type Row = [
  what: string,
  mutate: (t: v1.TaskInfo) => void,
  code: keyof typeof CODES,
  path: (string | number)[],
];

const D = v1.ContainerInfo_DockerInfo_Network;

const REFUSED: Row[] = [
  [
    "DockerInfo.network BRIDGE",
    (t) => {
      docker(t).network = D.BRIDGE;
    },
    "not_in_seed",
    ["container", "docker", "network"],
  ],
  [
    "DockerInfo.port_mappings",
    (t) => {
      docker(t).portMappings = [
        create(v1.ContainerInfo_DockerInfo_PortMappingSchema, { hostPort: 1, containerPort: 2 }),
      ];
    },
    "not_in_seed",
    ["container", "docker", "port_mappings"],
  ],
  [
    "DockerInfo.privileged true",
    (t) => {
      docker(t).privileged = true;
    },
    "not_in_seed",
    ["container", "docker", "privileged"],
  ],
  [
    "DockerInfo.parameters",
    (t) => {
      docker(t).parameters = [create(v1.ParameterSchema, { key: "label", value: "a=b" })];
    },
    "not_in_seed",
    ["container", "docker", "parameters"],
  ],
  [
    "DockerInfo.force_pull_image",
    (t) => {
      docker(t).forcePullImage = true;
    },
    "not_in_seed",
    ["container", "docker", "force_pull_image"],
  ],
  [
    "DockerInfo.volume_driver",
    (t) => {
      docker(t).volumeDriver = "rexray";
    },
    "not_in_seed",
    ["container", "docker", "volume_driver"],
  ],
  [
    "ContainerInfo.hostname",
    (t) => {
      container(t).hostname = "web";
    },
    "not_in_seed",
    ["container", "hostname"],
  ],
  [
    "ContainerInfo.mesos",
    (t) => {
      container(t).mesos = create(v1.ContainerInfo_MesosInfoSchema);
    },
    "not_in_seed",
    ["container", "mesos"],
  ],
  [
    "ContainerInfo.network_infos",
    (t) => {
      container(t).networkInfos = [create(v1.NetworkInfoSchema, { name: "n" })];
    },
    "not_in_seed",
    ["container", "network_infos"],
  ],
  [
    "ContainerInfo.linux_info",
    (t) => {
      container(t).linuxInfo = create(v1.LinuxInfoSchema);
    },
    "not_in_seed",
    ["container", "linux_info"],
  ],
  [
    "ContainerInfo.rlimit_info",
    (t) => {
      container(t).rlimitInfo = create(v1.RLimitInfoSchema);
    },
    "not_in_seed",
    ["container", "rlimit_info"],
  ],
  [
    "ContainerInfo.tty_info",
    (t) => {
      container(t).ttyInfo = create(v1.TTYInfoSchema);
    },
    "not_in_seed",
    ["container", "tty_info"],
  ],
  [
    "Volume.image",
    (t) => {
      volume0(t).image = create(v1.ImageSchema, {
        type: v1.Image_Type.DOCKER,
        docker: { name: "x" },
      });
    },
    "not_in_seed",
    ["container", "volumes", 0, "image"],
  ],
  [
    "Volume.source DOCKER_VOLUME",
    (t) => {
      volume0(t).source = create(v1.Volume_SourceSchema, {
        type: v1.Volume_Source_Type.DOCKER_VOLUME,
        dockerVolume: { name: "v" },
      });
    },
    "not_in_seed",
    ["container", "volumes", 0, "source"],
  ],
  [
    "Volume.source SANDBOX_PATH",
    (t) => {
      volume0(t).source = create(v1.Volume_SourceSchema, {
        type: v1.Volume_Source_Type.SANDBOX_PATH,
        sandboxPath: { path: "p" },
      });
    },
    "not_in_seed",
    ["container", "volumes", 0, "source"],
  ],
  [
    "TaskInfo.health_check",
    (t) => {
      t.healthCheck = create(v1.HealthCheckSchema);
    },
    "not_in_seed",
    ["health_check"],
  ],
  [
    "TaskInfo.check",
    (t) => {
      t.check = create(v1.CheckInfoSchema);
    },
    "not_in_seed",
    ["check"],
  ],
  [
    "TaskInfo.kill_policy",
    (t) => {
      t.killPolicy = create(v1.KillPolicySchema);
    },
    "not_in_seed",
    ["kill_policy"],
  ],
  [
    "TaskInfo.discovery",
    (t) => {
      t.discovery = create(v1.DiscoveryInfoSchema);
    },
    "not_in_seed",
    ["discovery"],
  ],
  [
    "TaskInfo.max_completion_time",
    (t) => {
      t.maxCompletionTime = create(v1.DurationInfoSchema, { nanoseconds: 1n });
    },
    "not_in_seed",
    ["max_completion_time"],
  ],
  [
    "TaskInfo.limits",
    (t) => {
      t.limits = { cpus: create(v1.Value_ScalarSchema, { value: 2 }) };
    },
    "not_in_seed",
    ["limits"],
  ],
  [
    "CommandInfo.URI.cache",
    (t) => {
      t.command?.uris.push(create(v1.CommandInfo_URISchema, { value: "u", cache: true }));
    },
    "not_in_seed",
    ["command", "uris", 0, "cache"],
  ],
  [
    "CommandInfo.URI.output_file",
    (t) => {
      t.command?.uris.push(create(v1.CommandInfo_URISchema, { value: "u", outputFile: "f" }));
    },
    "not_in_seed",
    ["command", "uris", 0, "output_file"],
  ],
  [
    "Resource.provider_id",
    (t) => {
      (t.resources[0] as v1.Resource).providerId = create(v1.ResourceProviderIDSchema, {
        value: "p",
      });
    },
    "not_in_seed",
    ["resources", 0, "provider_id"],
  ],
  [
    "Resource.allocation_info",
    (t) => {
      (t.resources[0] as v1.Resource).allocationInfo = create(v1.Resource_AllocationInfoSchema, {
        role: "r",
      });
    },
    "not_in_seed",
    ["resources", 0, "allocation_info"],
  ],
  [
    "Resource.reservations",
    (t) => {
      (t.resources[0] as v1.Resource).reservations = [create(v1.Resource_ReservationInfoSchema)];
    },
    "not_in_seed",
    ["resources", 0, "reservations"],
  ],
  [
    "Resource.disk",
    (t) => {
      (t.resources[0] as v1.Resource).disk = create(v1.Resource_DiskInfoSchema);
    },
    "not_in_seed",
    ["resources", 0, "disk"],
  ],
  [
    "Resource.revocable",
    (t) => {
      (t.resources[0] as v1.Resource).revocable = create(v1.Resource_RevocableInfoSchema);
    },
    "not_in_seed",
    ["resources", 0, "revocable"],
  ],
  [
    "Resource.shared",
    (t) => {
      (t.resources[0] as v1.Resource).shared = create(v1.Resource_SharedInfoSchema);
    },
    "not_in_seed",
    ["resources", 0, "shared"],
  ],
  [
    "ContainerInfo.type MESOS (volumes stay with the refused type)",
    (t) => {
      container(t).type = v1.ContainerInfo_Type.MESOS;
      container(t).docker = undefined;
      container(t).volumes = [];
    },
    "not_in_seed",
    ["container", "type"],
  ],
];

// What Mesos writes as defaults into every JSON message (stout's jsonify) and the seed does anyway:
// converted to nothing, so a task read from a real master converts; any other value is refused.
describe("fromMesosV1 leaves out values the seed implies", () => {
  const IMPLIED: [string, (t: v1.TaskInfo) => void][] = [
    ["DockerInfo.network HOST", (t) => (docker(t).network = D.HOST)],
    ["DockerInfo.privileged false", (t) => (docker(t).privileged = false)],
    ["DockerInfo.force_pull_image false", (t) => (docker(t).forcePullImage = false)],
    [
      "Environment.Variable.type VALUE",
      (t) => {
        (t.command?.environment?.variables[0] as v1.Environment_Variable).type =
          v1.Environment_Variable_Type.VALUE;
      },
    ],
  ];
  test.each(IMPLIED)("%s converts, and equals the conversion without it", (_, mutate) => {
    const plain = fromMesosV1(v1.TaskInfoSchema, v1DockerTask());
    const t = v1DockerTask();
    mutate(t);
    const r = fromMesosV1(v1.TaskInfoSchema, t);
    expect(r.issues).toEqual([]);
    expect(r.success && plain.success).toBe(true);
    if (r.success && plain.success)
      expect(equals(seed.TaskInfoSchema, r.data, plain.data)).toBe(true);
  });
  test.each([
    ["DockerInfo.network BRIDGE", (d) => (d.network = D.BRIDGE), "network"],
    ["DockerInfo.privileged true", (d) => (d.privileged = true), "privileged"],
    ["DockerInfo.force_pull_image true", (d) => (d.forcePullImage = true), "force_pull_image"],
  ] as [string, (d: v1.ContainerInfo_DockerInfo) => unknown, string][])(
    "%s is refused",
    (_, set, field) => {
      const t = v1DockerTask();
      set(docker(t));
      const r = fromMesosV1(v1.TaskInfoSchema, t);
      expect(r.success).toBe(false);
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([
        ["not_in_seed", ["container", "docker", field]],
      ]);
    },
  );
});

describe("fromMesosV1 refuses what the seed cannot carry, one issue per field", () => {
  test.each(REFUSED)("%s", (_, mutate, code, path) => {
    const task = v1DockerTask();
    mutate(task);
    const r = fromMesosV1(v1.TaskInfoSchema, task);
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => [i.code, i.severity, i.path])).toEqual([[code, "error", path]]);
    // The message names the v1 field and says it is the seed that cannot hold it.
    expect(r.issues[0]?.message).toMatch(/^mesos\.v1\.\S+ .*seed/);
  });

  test("the valid side: the unmodified task converts", () => {
    expect(fromMesosV1(v1.TaskInfoSchema, v1DockerTask()).success).toBe(true);
  });

  test("every volume of a MESOS container is refused with its index", () => {
    const task = v1DockerTask();
    container(task).type = v1.ContainerInfo_Type.MESOS;
    container(task).docker = undefined;
    const r = fromMesosV1(v1.TaskInfoSchema, task);
    expect(r.issues.map((i) => i.path)).toEqual([
      ["container", "type"],
      ["container", "volumes", 0],
      ["container", "volumes", 1],
      ["container", "volumes", 2],
    ]);
    expect(r.issues[1]?.message).toContain("a MESOS container");
  });

  test("volumes of a DOCKER container without docker are refused", () => {
    const task = v1DockerTask();
    container(task).docker = undefined;
    const r = fromMesosV1(v1.TaskInfoSchema, task);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ["not_in_seed", ["container", "volumes", 0]],
      ["not_in_seed", ["container", "volumes", 1]],
      ["not_in_seed", ["container", "volumes", 2]],
    ]);
  });

  test("a DEFAULT executor: type refused, command required by the seed", () => {
    const task = v1ExecutorTask();
    exec(task).type = v1.ExecutorInfo_Type.DEFAULT;
    exec(task).command = undefined;
    const r = fromMesosV1(v1.TaskInfoSchema, task);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ["not_in_seed", ["executor", "type"]],
      ["required_in_seed", ["executor", "command"]],
    ]);
  });

  test.each([
    [
      "ExecutorInfo.discovery",
      (e: v1.ExecutorInfo) => {
        e.discovery = create(v1.DiscoveryInfoSchema);
      },
      "discovery",
    ],
    [
      "ExecutorInfo.shutdown_grace_period",
      (e: v1.ExecutorInfo) => {
        e.shutdownGracePeriod = create(v1.DurationInfoSchema);
      },
      "shutdown_grace_period",
    ],
    [
      "ExecutorInfo.labels",
      (e: v1.ExecutorInfo) => {
        e.labels = create(v1.LabelsSchema);
      },
      "labels",
    ],
  ])("%s is refused", (_, mutate, name) => {
    const task = v1ExecutorTask();
    mutate(exec(task));
    const r = fromMesosV1(v1.TaskInfoSchema, task);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["not_in_seed", ["executor", name]]]);
  });

  test("a SECRET environment variable: type and secret refused, value required by the seed", () => {
    const task = v1DockerTask();
    const variables = task.command?.environment?.variables as v1.Environment_Variable[];
    variables[0] = create(v1.Environment_VariableSchema, {
      name: "TOKEN",
      type: v1.Environment_Variable_Type.SECRET,
      secret: { type: v1.Secret_Type.REFERENCE, reference: { name: "s" } },
    });
    const r = fromMesosV1(v1.TaskInfoSchema, task);
    const at = ["command", "environment", "variables", 0];
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ["not_in_seed", [...at, "type"]],
      ["not_in_seed", [...at, "secret"]],
      ["required_in_seed", [...at, "value"]],
    ]);
  });

  test.each([
    [
      "Offer.url",
      (o: v1.Offer) => {
        o.url = create(v1.URLSchema, { scheme: "http", address: { port: 1 } });
      },
      "url",
    ],
    [
      "Offer.domain",
      (o: v1.Offer) => {
        o.domain = create(v1.DomainInfoSchema);
      },
      "domain",
    ],
    [
      "Offer.unavailability",
      (o: v1.Offer) => {
        o.unavailability = create(v1.UnavailabilitySchema, { start: { nanoseconds: 0n } });
      },
      "unavailability",
    ],
    [
      "Offer.allocation_info",
      (o: v1.Offer) => {
        o.allocationInfo = create(v1.Resource_AllocationInfoSchema);
      },
      "allocation_info",
    ],
  ])("%s is refused", (_, mutate, name) => {
    const r0 = toMesosV1(seed.OfferSchema, offer());
    if (!r0.success) throw new Error("fixture");
    mutate(r0.data);
    const r = fromMesosV1(v1.OfferSchema, r0.data);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["not_in_seed", [name]]]);
  });

  test("a type without a seed counterpart (TaskGroupInfo) fails with one issue", () => {
    const r = fromMesosV1(v1.TaskGroupInfoSchema, create(v1.TaskGroupInfoSchema));
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([["not_in_seed", []]]);
  });

  test("a message of another type fails with invalid_input", () => {
    const r = fromMesosV1(v1.TaskInfoSchema, create(v1.OfferSchema) as unknown as v1.TaskInfo);
    expect(r.issues.map((i) => i.code)).toEqual(["invalid_input"]);
  });
});

describe("fromMesosV1 and unknown fields", () => {
  test("carried verbatim when the seed does not declare the number", () => {
    const task = v1DockerTask();
    task.$unknown = [{ no: 200, wireType: 2, data: new Uint8Array([1, 65]) }];
    const r = fromMesosV1(v1.TaskInfoSchema, task);
    expect(r.success && r.data.$unknown).toEqual(task.$unknown);
  });

  test("seed bytes decoded as v1 (field 100 unknown) are refused: the seed declares 100", () => {
    const task = v1DockerTask();
    container(task).$unknown = [{ no: 100, wireType: 2, data: new Uint8Array([0]) }];
    const r = fromMesosV1(v1.TaskInfoSchema, task);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_field_conflict", ["container", 100]],
    ]);
    expect(r.issues[0]?.message).toContain("as docker");
  });
});

describe("the Mesos docs' Docker task (test/fixtures/v1/docker-task.json)", () => {
  test("fromMesosV1 names every field the seed cannot carry, in field order, and nothing else", () => {
    const json = JSON.parse(
      readFileSync(resolve(ROOT, "test/fixtures/v1/docker-task.json"), "utf8"),
    );
    const r = fromMesosV1(v1.TaskInfoSchema, fromJson(v1.TaskInfoSchema, json));
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => [i.code, formatPath(i.path)])).toEqual([
      ["not_in_seed", "container.hostname"],
      ["not_in_seed", "container.docker.network"],
      ["not_in_seed", "container.docker.port_mappings"],
      ["not_in_seed", "container.docker.parameters"],
      ["not_in_seed", "container.docker.force_pull_image"],
      ["not_in_seed", "container.volumes[2].source"],
      ["not_in_seed", "health_check"],
      ["not_in_seed", "kill_policy"],
      ["not_in_seed", "limits"],
    ]);
  });
});
