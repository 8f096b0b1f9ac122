// The bin's stdout/stderr (src/cli/fd-stream.ts): complete synchronous writes to a file
// descriptor, a terminal check that does not load node:tty for files, pipes and /dev/null, and a
// closed reader (`| head`) that ends the bin quietly.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { fdStream } from "../../src/cli/fd-stream.js";
import { ROOT } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "fd-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fdStream", () => {
  it("writes strings (as UTF-8) and bytes completely, in order, large or small", () => {
    const path = join(dir, "out.txt");
    const fd = openSync(path, "w");
    const big = "é".repeat(300_000); // 600,000 bytes: more than one write of a pipe or a file
    try {
      const out = fdStream(fd);
      expect(out.write("a\n")).toBe(true);
      out.write(new Uint8Array([0x62, 0x0a]));
      out.write(big);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, "utf8")).toBe(`a\nb\n${big}`);
  });

  it("is not a terminal for a file, /dev/null or another character device", () => {
    for (const [path, flags] of [
      [join(dir, "f"), "w"],
      ["/dev/null", "w"],
      ["/dev/zero", "r"],
    ] as const) {
      const fd = openSync(path, flags);
      try {
        expect(fdStream(fd).isTTY, path).toBe(false);
      } finally {
        closeSync(fd);
      }
    }
  });

  it("is not a terminal for a pipe (the bin's stdout under a test runner)", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { fdStream } from ${JSON.stringify(join(ROOT, "dist/src/cli/fd-stream.js"))};
         process.stderr.write(String(fdStream(1).isTTY));`,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(result.stderr).toBe("false");
  });

  it("retries a write that would block (EAGAIN on a full non-blocking pipe) until it is done", async () => {
    vi.resetModules();
    const written: number[] = [];
    let calls = 0;
    vi.doMock("node:fs", async (original) => ({
      ...(await original<typeof import("node:fs")>()),
      writeSync: (_fd: number, bytes: Uint8Array, offset: number, length: number) => {
        calls += 1;
        if (calls % 2 === 1) throw Object.assign(new Error("EAGAIN"), { code: "EAGAIN" });
        const n = Math.min(length, 3); // a partial write, as a full pipe gives
        written.push(...bytes.subarray(offset, offset + n));
        return n;
      },
    }));
    try {
      const { fdStream: mocked } = await import("../../src/cli/fd-stream.js");
      mocked(99).write("hello, pipe");
    } finally {
      vi.doUnmock("node:fs");
      vi.resetModules();
    }
    expect(Buffer.from(written).toString()).toBe("hello, pipe");
    expect(calls).toBeGreaterThan(4);
  });

  it("turns EPIPE into ClosedOutputError, other errors pass through", () => {
    const fd = openSync(join(dir, "ro"), "w");
    closeSync(fd);
    // A closed descriptor: EBADF is not a closed reader, so it is not swallowed.
    expect(() => fdStream(fd).write("x")).toThrow(/EBADF/);
  });

  it("the bin exits quietly (status 0, nothing on stderr) when its reader closes early", () => {
    // Enough reports to overflow a pipe's buffer, so the bin is still writing when head exits.
    const files = Array.from({ length: 400 }, () => "examples/docker-task.json").join(" ");
    const result = spawnSync(
      "bash",
      [
        "-c",
        `node dist/cli/mesos-dockerinfo.cjs check ${files} | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(result.stderr).toBe("status=0\n");
  });
});
