// check and convert on both schemas, in-process: which schema each input is read with (the
// status line, the JSON report), --schema, --type across both schemas, v1 launch paths through
// the same library calls as the seed's, and convert --to v1 / --to seed.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import * as v1 from "../../gen/mesos/v1/mesos_pb.js";
import { fromMesosJson } from "../../src/codec/index.js";
import {
  describeLaunch,
  dockerRunArgs,
  resolveLaunch,
  shellCommand,
} from "../../src/launch/index.js";
import type { TaskInfo } from "../../src/schema/index.js";
import { ROOT, runMain } from "./run-cli.js";

const V1_TASK = "examples/v1-docker-task.json";
const SEED_TASK = "examples/docker-task.json";
const work = mkdtempSync(join(tmpdir(), "mesos-dockerinfo-schemas-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const jsonReport = async (args: readonly string[], input?: string) => {
  const r = await runMain(["check", "--reporter", "json", ...args], { input });
  return { status: r.status, stderr: r.stderr, files: JSON.parse(r.stdout).files };
};

describe.concurrent("check reads each input with its schema", () => {
  it("the status line names the schema: mesos for the seed, mesos.v1 for Mesos 1.11", async ({
    expect,
  }) => {
    const r = await runMain(["check", SEED_TASK, V1_TASK]);
    expect(r.stdout).toMatch(/^examples\/docker-task\.json \(TaskInfo, mesos\): valid$/m);
    expect(r.stdout).toMatch(/^examples\/v1-docker-task\.json \(TaskInfo, mesos\.v1\): /m);
  });

  it("the JSON report says which schema and why", async ({ expect }) => {
    const { files } = await jsonReport([SEED_TASK, V1_TASK]);
    expect(files.map((f: { schema: string }) => f.schema)).toEqual(["mesos", "mesos.v1"]);
    expect(files[0].schemaReason).toBe("docker.volume is a seed field");
    expect(files[1].schemaReason).toBe('"agent_id" is a mesos.v1 field');
  });

  it("a v1 task gets the launch and argv the library gives it (resolveLaunch, dockerRunArgs)", async ({
    expect,
  }) => {
    const task = fromMesosJson(v1.TaskInfoSchema, readFileSync(`${ROOT}/${V1_TASK}`, "utf8"));
    // The launch folder takes both schemas' TaskInfo; its seed-typed signature is widened by
    // the Mesos 1.11 rules work, hence the cast.
    const launch = resolveLaunch(task as unknown as TaskInfo);
    const { files } = await jsonReport([V1_TASK]);
    const [report] = files;
    expect(report.status).toBe(launch.success ? "valid" : "invalid");
    if (launch.success) {
      expect(report.launch.kind).toBe(launch.data.kind);
      expect(report.launch.description).toBe(describeLaunch(launch.data));
      expect(report.argv).toEqual(dockerRunArgs(task as unknown as TaskInfo));
      const text = await runMain(["check", V1_TASK]);
      expect(text.stdout).toContain(
        `  argv: ${shellCommand(report.argv, { escapeControls: true })}`,
      );
    } else {
      expect(report.launch).toBeNull();
      expect(report.issues.map((i: { code: string }) => i.code)).toEqual(
        launch.issues.map((i) => i.code),
      );
    }
  });

  it("--schema v1 reads a seed file's slave_id as agent_id (v0 names)", async ({ expect }) => {
    const { status, files } = await jsonReport(["--schema", "v1", "examples/command-task.json"]);
    expect(files[0].schema).toBe("mesos.v1");
    expect(files[0].schemaReason).toBe("--schema v1");
    expect(status).not.toBe(2);
  });

  it("--schema v1 on seed volumes: the seed's keys are unknown to mesos.v1 (exit 2, located)", async ({
    expect,
  }) => {
    const r = await runMain(["check", "--schema", "v1", SEED_TASK]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^error: examples\/docker-task\.json:\d+:\d+: unknown_field at container\.docker\.volume/m,
    );
  });

  it("--schema seed on a v1 file: agent_id is unknown to the seed", async ({ expect }) => {
    const r = await runMain(["check", "--schema", "seed", V1_TASK]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown_field at agent_id/);
  });

  it("--type Call: a scheduler call is mesos.v1 whatever it holds", async ({ expect }) => {
    const call = {
      type: "SUBSCRIBE",
      subscribe: { framework_info: { user: "root", name: "demo" } },
    };
    const r = await runMain(["check", "--type", "Call", "-"], { input: JSON.stringify(call) });
    expect(r.stdout).toMatch(/^<stdin> \(Call, mesos\.v1\): valid$/m);
    expect(r.status).toBe(0);
  });

  it("binary: docker at field 3 is mesos.v1, at field 100 the seed", async ({ expect }) => {
    const pb = join(work, "v1-task.pb");
    const converted = await runMain(["convert", "--to", "v1", SEED_TASK, pb]);
    expect(converted.status).toBe(0);
    const r = await runMain(["check", pb, "examples/docker-task.pb"]);
    expect(r.stdout).toContain(`${pb} (TaskInfo, mesos.v1): `);
    expect(r.stdout).toMatch(/^examples\/docker-task\.pb \(TaskInfo, mesos\): valid$/m);
  });

  it("usage errors: an unknown --schema, a --type neither schema has", async ({ expect }) => {
    const schema = await runMain(["check", "--schema", "v2", SEED_TASK]);
    expect(schema.status).toBe(2);
    expect(schema.stderr).toContain("--schema must be seed, v1 or auto");
    const type = await runMain(["check", "--type", "Nope", SEED_TASK]);
    expect(type.status).toBe(2);
    expect(type.stderr).toMatch(/unknown --type "Nope"; known types in mesos: .*; in mesos\.v1: /);
  });
});

describe.concurrent("convert --to v1 and --to seed", () => {
  it("seed → v1 → seed gives the seed message back", async ({ expect }) => {
    const original = await runMain(["convert", "--to", "json", SEED_TASK]);
    const toV1 = await runMain(["convert", "--to", "v1,json", SEED_TASK]);
    expect(toV1.status).toBe(0);
    const asV1 = JSON.parse(toV1.stdout);
    expect(asV1.agent_id).toEqual({ value: "20140801-000000-0000000000-5050-S0" });
    expect(asV1.container.volumes[0]).toEqual({
      container_path: "/data",
      host_path: "/var/data",
      mode: "RW",
    });
    expect(asV1.container.docker.volume).toBeUndefined();
    // The anonymous volume converts, with the conversion's warning on stderr, located.
    expect(toV1.stderr).toMatch(
      /^warning: examples\/docker-task\.json:\d+:\d+: anonymous_volume_refused_by_mesos at container\.docker\.volume\[2\]/m,
    );
    const back = await runMain(["convert", "--to", "seed", "--to", "json"], {
      input: toV1.stdout,
    });
    expect(back.stderr).toMatch(/^note: read as mesos\.v1 TaskInfo /m);
    expect(back.status).toBe(0);
    expect(back.stdout).toBe(original.stdout);
  });

  it("v1 → seed refuses what the seed cannot carry: exit 1, each issue located, nothing written", async ({
    expect,
  }) => {
    const out = join(work, "never.json");
    const r = await runMain(["convert", "--to", "seed", V1_TASK, out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^error: examples\/v1-docker-task\.json:\d+:\d+: not_in_seed at container\.docker\.network: /m,
    );
    expect(r.stderr).toMatch(/not_in_seed at container\.docker\.port_mappings/);
    expect(() => readFileSync(out)).toThrow();
  });

  it("--to the input's own schema converts nothing and says so", async ({ expect }) => {
    const r = await runMain(["convert", "--to", "v1", "--to", "json", V1_TASK]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("note: the input is already mesos.v1; nothing to convert");
    expect(JSON.parse(r.stdout).container.docker.network).toBe("BRIDGE");
  });

  it("--to names at most one schema and one format", async ({ expect }) => {
    const schemas = await runMain(["convert", "--to", "v1,seed", SEED_TASK]);
    expect(schemas.status).toBe(2);
    expect(schemas.stderr).toContain("--to names two schemas: v1 and seed");
    const formats = await runMain(["convert", "--to", "json", "--to", "binary", SEED_TASK]);
    expect(formats.status).toBe(2);
    expect(formats.stderr).toContain("--to names two formats: json and binary");
  });
});
