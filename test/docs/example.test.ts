// `npm run example` (examples/seed-docker-task.mjs, run against the built dist/) shows the
// library's own calls end to end: launch description, shell-safe docker run preview, strict
// encode/decode, Mesos JSON, and the conversion to the Mesos 1.11 schema a master reads.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../helpers/buf.js";

test("the example prints the launch, the argv preview, both encodings and both JSON forms", () => {
  const out = execFileSync(process.execPath, [resolve(ROOT, "examples/seed-docker-task.mjs")], {
    encoding: "utf8",
  }).split("\n");
  expect(out[0]).toMatch(/^Docker task: runs image busybox \(docker\.io\/library\/busybox\)/);
  expect(out[1]).toMatch(/^docker run preview: docker -H unix:\/\/\/var\/run\/docker\.sock run /);
  expect(out[1]).toContain("-c 'ls /data'");
  expect(out[2]).toMatch(/^seed encoding: \d+ bytes, decodes back equal: true$/);
  const seed = JSON.parse(out[3] as string);
  expect(seed.slave_id).toEqual({ value: "20140801-000000-0000000000-5050-S0" });
  expect(seed.container.docker.volume).toHaveLength(2);
  expect(out[4]).toMatch(/^v1 encoding: \d+ bytes$/);
  const v1 = JSON.parse(out[5] as string);
  expect(v1.agent_id).toEqual({ value: "20140801-000000-0000000000-5050-S0" });
  expect(v1.container.volumes[0]).toMatchObject({
    container_path: "/data",
    host_path: "/var/data",
  });
  expect(v1.container.docker.image).toBe("busybox");
});
