// Builders for the v1 rule table: real-shaped Mesos 1.11 tasks, each valid with no issue at all,
// and edits that break (or keep) them in one place.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import * as v1 from "../../src/v1/index.js";

const S = v1.Value_Type.SCALAR;

export const scalarResource = (name: string, value: number) =>
  create(v1.ResourceSchema, { name, type: S, scalar: { value } });

export const portsResource = (begin: number, end: number) =>
  create(v1.ResourceSchema, {
    name: "ports",
    type: v1.Value_Type.RANGES,
    ranges: { range: [{ begin: BigInt(begin), end: BigInt(end) }] },
  });

type TaskInit = MessageInitShape<typeof v1.TaskInfoSchema>;

function task(init: TaskInit): v1.TaskInfo {
  const base: TaskInit = {
    name: "web",
    taskId: { value: "web-1" },
    agentId: { value: "agent-1" },
    resources: [
      scalarResource("cpus", 0.5),
      scalarResource("mem", 128),
      portsResource(31000, 31001),
    ],
  };
  const merged: TaskInit = Object.assign({}, base, init);
  return create(v1.TaskInfoSchema, merged);
}

/** A Docker task on a BRIDGE network with one port mapping and one bind mount. */
export function dockerTask(edit?: (t: v1.TaskInfo) => void): v1.TaskInfo {
  const t = task({
    command: { value: "echo hello" },
    container: {
      type: v1.ContainerInfo_Type.DOCKER,
      docker: {
        image: "busybox:1.36",
        network: v1.ContainerInfo_DockerInfo_Network.BRIDGE,
        portMappings: [{ hostPort: 31000, containerPort: 80, protocol: "tcp" }],
      },
      volumes: [{ containerPath: "/data", hostPath: "/srv/data", mode: v1.Volume_Mode.RW }],
    },
  });
  edit?.(t);
  return t;
}

/** A Mesos-containerizer task running a Docker image, with a SANDBOX_PATH volume. */
export function mesosTask(edit?: (t: v1.TaskInfo) => void): v1.TaskInfo {
  const t = task({
    command: { value: "echo hello" },
    container: {
      type: v1.ContainerInfo_Type.MESOS,
      mesos: { image: { type: v1.Image_Type.DOCKER, docker: { name: "alpine:3.20" } } },
      volumes: [
        {
          containerPath: "scratch",
          mode: v1.Volume_Mode.RW,
          source: {
            type: v1.Volume_Source_Type.SANDBOX_PATH,
            sandboxPath: { type: v1.Volume_Source_SandboxPath_Type.SELF, path: "tmp" },
          },
        },
      ],
    },
  });
  edit?.(t);
  return t;
}

/** A command task: no container. */
export function commandTask(edit?: (t: v1.TaskInfo) => void): v1.TaskInfo {
  const t = task({ command: { value: "echo hello" } });
  edit?.(t);
  return t;
}

/** A task run by a CUSTOM executor. */
export function executorTask(edit?: (t: v1.TaskInfo) => void): v1.TaskInfo {
  const t = task({
    executor: {
      type: v1.ExecutorInfo_Type.CUSTOM,
      executorId: { value: "exec-1" },
      frameworkId: { value: "fw-1" },
      command: { value: "./executor" },
    },
  });
  edit?.(t);
  return t;
}

/** The executor of a task group: DEFAULT, big enough, a MESOS container without an image. */
export function defaultExecutor(): v1.ExecutorInfo {
  return create(v1.ExecutorInfoSchema, {
    type: v1.ExecutorInfo_Type.DEFAULT,
    executorId: { value: "default-1" },
    frameworkId: { value: "fw-1" },
    resources: [scalarResource("cpus", 0.1), scalarResource("mem", 32), scalarResource("disk", 32)],
    container: { type: v1.ContainerInfo_Type.MESOS },
  });
}

/** A task with a DEFAULT executor (as the master sees a LAUNCH_GROUP task). */
export function groupTask(edit?: (t: v1.TaskInfo) => void): v1.TaskInfo {
  const t = task({ command: { value: "echo hello" }, executor: defaultExecutor() });
  edit?.(t);
  return t;
}

/** A LAUNCH_GROUP operation with two tasks. */
export function launchGroup(
  edit?: (g: v1.Offer_Operation_LaunchGroup) => void,
): v1.Offer_Operation_LaunchGroup {
  const g = create(v1.Offer_Operation_LaunchGroupSchema, {
    executor: defaultExecutor(),
    taskGroup: {
      tasks: [
        commandTask(),
        commandTask((t) => (t.taskId = { $typeName: "mesos.v1.TaskID", value: "web-2" })),
      ],
    },
  });
  edit?.(g);
  return g;
}

export const docker = (t: v1.TaskInfo) => t.container?.docker as v1.ContainerInfo_DockerInfo;
export const container = (t: v1.TaskInfo) => t.container as v1.ContainerInfo;
export const volume0 = (t: v1.TaskInfo) => container(t).volumes[0] as v1.Volume;
export const cmd = (t: v1.TaskInfo) => t.command as v1.CommandInfo;
export const exe = (t: v1.TaskInfo) => t.executor as v1.ExecutorInfo;
export const duration = (nanoseconds: bigint) => create(v1.DurationInfoSchema, { nanoseconds });
export const vol = (init: MessageInitShape<typeof v1.VolumeSchema>) =>
  create(v1.VolumeSchema, init);
