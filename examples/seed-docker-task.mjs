// The seed's Docker launch path end to end, with the library's own calls only: build a Docker
// TaskInfo with create(), validate it, classify its launch and preview its `docker run`, encode
// and strictly decode it, write it as Mesos JSON, and convert it to the Mesos 1.11 schema a real
// master reads. Run with `npm run example` (builds dist/ first).
import {
  ContainerInfo_Type,
  create,
  decode,
  describeLaunch,
  dockerRunArgs,
  encode,
  equals,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  resolveLaunch,
  shellCommand,
  TaskInfoSchema,
  toMesosJson,
  toMesosV1,
  Value_Type,
} from "../dist/src/index.js";
import { TaskInfoSchema as V1TaskInfoSchema } from "../dist/src/v1/index.js";

const task = create(TaskInfoSchema, {
  name: "busybox",
  taskId: { value: "busybox-1" },
  slaveId: { value: "20140801-000000-0000000000-5050-S0" },
  resources: [
    { name: "cpus", type: Value_Type.SCALAR, scalar: { value: 1 } },
    { name: "mem", type: Value_Type.SCALAR, scalar: { value: 256 } },
  ],
  command: { value: "ls /data" },
  container: {
    type: ContainerInfo_Type.DOCKER,
    docker: {
      image: "busybox",
      volume: [
        { containerDir: "/data", hostDir: "/var/data", mode: Mode.RW },
        { containerDir: "/etc/app", hostDir: "/etc/app", mode: Mode.RO },
      ],
    },
  },
});

// resolveLaunch validates the task and says how Mesos would launch it.
const launch = resolveLaunch(task);
if (!launch.success) throw new Error(launch.issues.map((i) => i.message).join("\n"));
console.log(describeLaunch(launch.data));
console.log(`docker run preview: ${shellCommand(dockerRunArgs(task))}`);

// Strict binary codec: encode lists every missing field; decode checks wire types, UTF-8, enums.
const bytes = encode(TaskInfoSchema, task);
const decoded = decode(TaskInfoSchema, bytes);
console.log(
  `seed encoding: ${bytes.length} bytes, decodes back equal: ${equals(TaskInfoSchema, task, decoded)}`,
);

// Mesos JSON (snake_case proto names, enum names) as the seed schema spells it.
console.log(JSON.stringify(toMesosJson(TaskInfoSchema, decoded)));

// What a Mesos 1.11 master reads: the mesos.v1 TaskInfo (docker = 3, ContainerInfo.volumes, agent_id).
const v1 = toMesosV1(TaskInfoSchema, task);
if (!v1.success) throw new Error(v1.issues.map((i) => i.message).join("\n"));
console.log(`v1 encoding: ${encode(V1TaskInfoSchema, v1.data).length} bytes`);
console.log(JSON.stringify(toMesosJson(V1TaskInfoSchema, v1.data)));
