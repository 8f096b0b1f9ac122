// The README's "Talking to a real Mesos" example, kept runnable: readme-example.test.ts checks
// that the README shows exactly the lines between the markers, then runs them.
import { toBinary, toJson } from "@bufbuild/protobuf";
import { fromMesosV1, toMesosV1 } from "../../src/convert/index.js";
import {
  ContainerInfo_Type,
  create,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  TaskInfoSchema,
  Value_Type,
} from "../../src/index.js";
import * as v1 from "../../src/v1/index.js";

export function run() {
  // readme:start
  const task = create(TaskInfoSchema, {
    name: "busybox",
    taskId: { value: "busybox-1" },
    slaveId: { value: "20140801-000000-0000000000-5050-S0" },
    resources: [{ name: "cpus", type: Value_Type.SCALAR, scalar: { value: 1 } }],
    command: { value: "ls /data" },
    container: {
      type: ContainerInfo_Type.DOCKER,
      docker: {
        image: "busybox",
        volume: [{ containerDir: "/data", hostDir: "/var/data", mode: Mode.RW }],
      },
    },
  });

  const converted = toMesosV1(TaskInfoSchema, task);
  if (!converted.success) throw new Error(JSON.stringify(converted.issues));
  const v1Task = converted.data; // a mesos.v1.TaskInfo: docker at 3, volumes at ContainerInfo 2

  // The bytes a Mesos 1.11 master reads (e.g. inside a v1 scheduler ACCEPT call) ...
  const bytes = toBinary(v1.TaskInfoSchema, v1Task);
  // ... and its JSON, with Mesos's snake_case field names.
  const json = toJson(v1.TaskInfoSchema, v1Task, { useProtoFieldName: true });
  // json.agent_id.value === "20140801-000000-0000000000-5050-S0"
  // json.container.docker.image === "busybox"
  // json.container.volumes[0] is { container_path: "/data", host_path: "/var/data", mode: "RW" }

  // Back from what a master sends: fails with one issue per field the seed cannot carry.
  const back = fromMesosV1(v1.TaskInfoSchema, v1Task); // { success: true, data: <equal to task> }
  // readme:end
  return { task, bytes, json, back };
}
