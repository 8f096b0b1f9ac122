// The shipped examples: each JSON file is exactly its canonical fixture, the binary example is
// exactly what our encoder writes for its JSON twin, and the broken example fails for the
// reasons it is meant to show.
import { readFileSync } from "node:fs";
import { equals } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  type TaskInfo,
  TaskInfoSchema,
} from "../../gen/mesos/mesos_pb.js";
import { decode, encode, fromMesosJson } from "../../src/codec/index.js";
import { resolveLaunch } from "../../src/launch/index.js";
import { validate } from "../../src/validation/index.js";
import {
  commandTask,
  dockerExecutorTask,
  dockerTask,
  legacyDockerTask,
} from "../fixtures/canonical.js";
import { ROOT } from "./run-cli.js";

function example(name: string): TaskInfo {
  return fromMesosJson(TaskInfoSchema, readFileSync(`${ROOT}/examples/${name}`, "utf8"));
}

describe("examples/*.json", () => {
  it.each([
    ["command-task.json", commandTask(), "command", false],
    ["docker-task.json", dockerTask(), "docker-task", false],
    ["docker-executor.json", dockerExecutorTask(), "docker-executor", false],
    ["legacy-docker-task.json", legacyDockerTask(), "docker-task", true],
  ] as const)("%s is the canonical message and launches as %s", (name, canonical, kind, legacy) => {
    const task = example(name);
    expect(equals(TaskInfoSchema, task, canonical)).toBe(true);
    const result = resolveLaunch(task);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data).toMatchObject({ kind, legacy });
  });

  it("docker-task.json has the seed's busybox image with an RW and an RO volume", () => {
    const docker = example("docker-task.json").container?.docker;
    expect(docker?.image).toBe("busybox:1.36");
    expect(docker?.volume.slice(0, 2)).toMatchObject([
      { containerDir: "/data", hostDir: "/var/data", mode: Mode.RW },
      { containerDir: "/etc/app", hostDir: "/etc/app", mode: Mode.RO },
    ]);
  });
});

describe("examples/docker-task.pb", () => {
  const bytes = new Uint8Array(readFileSync(`${ROOT}/examples/docker-task.pb`));

  it("equals encode(fromMesosJson(docker-task.json)); regenerate with scripts/make-examples.mjs", () => {
    expect(bytes).toEqual(encode(TaskInfoSchema, example("docker-task.json")));
  });

  it("decodes strictly to the canonical Docker task", () => {
    expect(equals(TaskInfoSchema, decode(TaskInfoSchema, bytes), dockerTask())).toBe(true);
  });
});

describe("examples/invalid/invalid-volumes.json", () => {
  const task = fromMesosJson(
    TaskInfoSchema,
    readFileSync(`${ROOT}/examples/invalid/invalid-volumes.json`, "utf8"),
  );
  const result = validate(TaskInfoSchema, task);

  it.each([
    ["image_empty", ["container", "docker", "image"]],
    ["host_dir_not_absolute", ["container", "docker", "volume", 0, "host_dir"]],
    ["duplicate_container_dir", ["container", "docker", "volume", 1, "container_dir"]],
    ["path_not_clean", ["container", "docker", "volume", 1, "container_dir"]],
    ["container_dir_not_absolute", ["container", "docker", "volume", 2, "container_dir"]],
  ])("reports %s at %j", (code, path) => {
    expect(result.issues).toContainEqual(expect.objectContaining({ code, path }));
  });

  it("reports the read-only anonymous volume", () => {
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "read_only_anonymous_volume" }),
    );
    const issue = result.issues.find((i) => i.code === "read_only_anonymous_volume");
    expect(issue?.path.slice(0, 4)).toEqual(["container", "docker", "volume", 3]);
  });

  it("cannot launch", () => {
    expect(result.success).toBe(false);
    expect(resolveLaunch(task).success).toBe(false);
  });
});
