// The seed's second launch path, end to end: build a Docker TaskInfo with create(), encode it,
// decode it, and print it as JSON. Run with `npm run example` (builds dist/ first).
import { fromBinary, toBinary, toJsonString } from "@bufbuild/protobuf";
import {
  ContainerInfo_Type,
  create,
  ContainerInfo_DockerInfo_Volume_Mode as Mode,
  TaskInfoSchema,
  Value_Type,
} from "../dist/src/index.js";

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

const bytes = toBinary(TaskInfoSchema, task);
const decoded = fromBinary(TaskInfoSchema, bytes);
console.log(`encoded ${bytes.length} bytes: ${Buffer.from(bytes).toString("hex")}`);
console.log(toJsonString(TaskInfoSchema, decoded, { prettySpaces: 2, useProtoFieldName: true }));
