// The `mesos-dockerinfo/v1` subpath: every generated mesos.v1 and mesos.v1.scheduler export, the
// same objects, and none of them at the package root (whose TaskInfoSchema is the seed's).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import * as genV1 from "../../gen/mesos/v1/mesos_pb.js";
import * as genScheduler from "../../gen/mesos/v1/scheduler/scheduler_pb.js";
import * as root from "../../src/index.js";
import * as v1 from "../../src/v1/index.js";
import { ROOT } from "../helpers/buf.js";

describe("mesos-dockerinfo/v1", () => {
  test("re-exports every export of both generated modules, identical objects, nothing dropped", () => {
    const expected = { ...genV1, ...genScheduler };
    // A name exported by both modules would be silently ambiguous under `export *`.
    const clash = Object.keys(genScheduler).filter((k) => k in genV1);
    expect(clash).toEqual([]);
    expect(Object.keys(v1).sort()).toEqual(Object.keys(expected).sort());
    for (const [k, value] of Object.entries(expected))
      expect((v1 as Record<string, unknown>)[k], k).toBe(value);
  });

  test("the schemas the issue names are there, with their mesos.v1 type names", () => {
    expect(v1.TaskInfoSchema.typeName).toBe("mesos.v1.TaskInfo");
    expect(v1.ContainerInfoSchema.typeName).toBe("mesos.v1.ContainerInfo");
    expect(v1.ContainerInfo_DockerInfoSchema.typeName).toBe("mesos.v1.ContainerInfo.DockerInfo");
    expect(v1.VolumeSchema.typeName).toBe("mesos.v1.Volume");
    expect(v1.OfferSchema.typeName).toBe("mesos.v1.Offer");
    expect(v1.TaskGroupInfoSchema.typeName).toBe("mesos.v1.TaskGroupInfo");
    expect(v1.CallSchema.typeName).toBe("mesos.v1.scheduler.Call");
    expect(v1.EventSchema.typeName).toBe("mesos.v1.scheduler.Event");
    expect(v1.ContainerInfo_Type.MESOS).toBe(2);
  });

  test("the root keeps the seed schema: same names, different messages", () => {
    expect(root.TaskInfoSchema.typeName).toBe("mesos.TaskInfo");
    expect(root.ContainerInfoSchema.typeName).toBe("mesos.ContainerInfo");
    expect("CallSchema" in root).toBe(false);
    expect("VolumeSchema" in root).toBe(false);
  });

  test("package.json maps ./v1 to the built subpath (types, default, and CJS types for require)", () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8"));
    expect(pkg.exports["./v1"]).toEqual({
      require: {
        types: "./dist/cjs-types/src/v1/index.d.ts",
        default: "./dist/src/v1/index.js",
      },
      types: "./dist/src/v1/index.d.ts",
      default: "./dist/src/v1/index.js",
    });
    expect(pkg.typesVersions["*"].v1).toEqual(["./dist/src/v1/index.d.ts"]);
  });
});
