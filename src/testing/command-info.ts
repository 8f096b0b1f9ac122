// commandInfo(): valid CommandInfo messages (no legacy container; taskInfo adds that form).
import { create } from "@bufbuild/protobuf";
import * as fc from "fast-check";
import { type CommandInfo, CommandInfoSchema } from "../schema/index.js";
import { anyText, identifier } from "./text.js";

/** Options of {@link commandInfo}. */
export interface CommandInfoOptions {
  /**
   * The command runs in a Docker image, whose entrypoint runs when there is no value: then
   * `shell: false` without `value` is valid too and is generated (default false: a plain command
   * always has a value).
   */
  readonly entrypoint?: boolean;
}

const uri = fc.record(
  { value: anyText(24, 1), executable: fc.boolean(), extract: fc.boolean() },
  { requiredKeys: ["value"] },
);

// Names are non-empty, without "=", and unique (a duplicate is a warning).
const environment = fc.record({
  variables: fc.uniqueArray(fc.record({ name: identifier(), value: anyText() }), {
    selector: (v) => v.name,
    maxLength: 3,
  }),
});

// A value is always set. With shell unset or true, Mesos runs `/bin/sh -c value` and ignores
// arguments (a warning), so arguments come only with shell: false (exec value with arguments).
const withValue = fc.oneof(
  fc.record({ shell: fc.constant(true), value: anyText(24, 1) }, { requiredKeys: ["value"] }),
  fc.record({
    shell: fc.constant(false),
    value: anyText(24, 1),
    arguments: fc.array(anyText(), { maxLength: 3 }),
  }),
);

// The image's entrypoint runs: shell false, no value, optional arguments.
const entrypointOnly = fc.record({
  shell: fc.constant(false),
  arguments: fc.array(anyText(), { maxLength: 3 }),
});

function model(run: fc.Arbitrary<Record<string, unknown>>) {
  return fc
    .record(
      {
        run,
        uris: fc.array(uri, { maxLength: 2 }),
        environment,
        user: anyText(8, 1),
      },
      { requiredKeys: ["run", "uris"] },
    )
    .map(({ run: r, ...rest }) => create(CommandInfoSchema, { ...rest, ...r }));
}

const plain = model(withValue);
const dockerCommand = model(fc.oneof(withValue, entrypointOnly));

/**
 * Valid `CommandInfo`s: 0–2 URIs with non-empty values, an optional environment with unique,
 * non-empty names without `=`, a non-empty `value` run by the shell (`shell` unset or true) or
 * exec'ed with 0–3 arguments (`shell: false`), an optional user. With `{ entrypoint: true }` also `shell: false` without a value (valid in a
 * Docker task or Docker executor, where the image's entrypoint runs).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { commandInfo } from "mesos-dockerinfo/testing";
 *
 * fc.sample(commandInfo(), 1);                        // e.g. [{ value: "echo hi", arguments: [], … }]
 * fc.sample(commandInfo({ entrypoint: true }), 1);    // may be { shell: false, arguments: ["-v"] }
 * ```
 */
export function commandInfo(options: CommandInfoOptions = {}): fc.Arbitrary<CommandInfo> {
  return options.entrypoint === true ? dockerCommand : plain;
}
