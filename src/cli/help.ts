// --help texts. Kept next to each other so the exit codes and shared options read the same in
// every command.
export const PROGRAM = "mesos-dockerinfo";

const EXIT_CODES = `Exit codes:
  0  every input is valid (warnings allowed unless --strict)
  1  some input decoded but is invalid, e.g. misses a required field (with --strict: or has
     warnings)
  2  usage error, unreadable or non-regular file, or input that cannot be decoded`;

const TYPES = `Types (--type, case-insensitive): TaskInfo (default), ExecutorInfo, CommandInfo, ContainerInfo,
  DockerInfo, Volume, Offer, Resource, ... any message of either schema, by its name inside the
  package (ContainerInfo.DockerInfo) or its last segment when unique; mesos.v1 adds TaskGroupInfo
  and the scheduler's Call and Event (which are read as mesos.v1 whatever the input holds).`;

const SCHEMAS = `Schemas: every input is read with the seed schema (package mesos, the 2014 DockerInfo design:
  docker at ContainerInfo field 100, volumes inside DockerInfo) or with Mesos 1.11's (mesos.v1:
  docker at field 3, ContainerInfo.volumes), detected per input unless --schema says:
    mesos.v1  a key only Mesos 1.11 has (agent_id, volumes, network, port_mappings, limits, ...),
              container.type MESOS; in binary, docker at field 3 or a field Mesos added
    seed      a key only the seed has (container_dir, host_dir), docker.volume, the legacy
              command.container, or slave_id without v1 keys; in binary, docker at field 100
    mesos.v1  a DockerInfo without volume and nothing else deciding (what a master reads)
    seed      when nothing decides
  A mesos.v1 JSON input may use the v0 names Mesos's operator endpoints write (slave_id).`;

export const MAIN_HELP = `Usage: ${PROGRAM} <command> [options]

Check, explain and convert Apache Mesos TaskInfo messages (ContainerInfo/DockerInfo).

Commands:
  check FILE...       validate messages (seed or Mesos 1.11 schema, detected); show the launch
                      path, every issue, the docker run argv
  convert [IN] [OUT]  strict decode, then encode: Mesos-style JSON <-> binary protobuf, and
                      seed <-> Mesos 1.11 with --to v1|seed (does not validate)
  rules               list every issue code: severity, what, why, who reports it
  help [COMMAND]      show help for a command

Options:
  -h, --help          show this help
  -V, --version       print the version

Run '${PROGRAM} <command> --help' for a command's options.

${EXIT_CODES}
`;

/** Each command's --help. */
export const HELP: Readonly<Record<string, string>> = {
  check: `Usage: ${PROGRAM} check [options] FILE...

Decodes each FILE ('-' for stdin) and reports, per file:
  - the message type and schema it was read as, e.g. "(TaskInfo, mesos.v1)";
  - for a TaskInfo, the launch path in words (command task, Docker task, Docker executor,
    custom executor; the legacy docker:/// form is recognised);
  - every issue, with severity, location (file:line:col for JSON), field path and message,
    all in one run: a missing required field is listed with every other issue;
  - for a Docker launch, the docker run argument vector Mesos would execute.

Input is Mesos-style JSON (snake_case field names, enum names, bytes as base64) unless the file
name ends in .pb, .bin or .binpb, or --format binary is given. Only regular files are read: a
directory, FIFO or device is refused (pipe a stream to '-' instead).

Options:
  -t, --type TYPE            message type of every FILE (default TaskInfo)
  -s, --schema SCHEMA        seed, v1 or auto (default auto: detected per FILE, see Schemas)
  -f, --format FORMAT        json, binary or auto (default auto: by file extension; stdin is JSON)
  -r, --reporter REPORTER    text (default), json (one document: { files: [...], summary }) or
                             github (GitHub Actions annotations: ::error file=F,line=L,col=C::...)
      --json                 the same as --reporter json
  -q, --quiet                errors only: no warnings, no blocks for valid files
      --strict               warnings make a file invalid (exit 1)
      --ignore-unknown-fields
                             accept JSON keys the schema does not know (default: error)
      --max-bytes N          refuse inputs larger than N bytes (default 4MiB; KiB/MiB suffixes)
      --sandbox-directory DIR
                             host sandbox directory in docker run's -v (default: Mesos's
                             layout under /var/lib/mesos, from the task's IDs)
      --mapped-directory DIR sandbox path inside the container (default /mnt/mesos/sandbox)
      --container-name NAME  docker run's --name (default mesos-<executor id>; Mesos: a UUID)
      --color, --no-color    force colour on or off (default: on a terminal, unless NO_COLOR)
  -h, --help                 show this help

${TYPES}

${SCHEMAS}

Examples:
  ${PROGRAM} check examples/*.json
  ${PROGRAM} check --schema v1 task-from-master.json
  ${PROGRAM} check --json --strict task.json
  ${PROGRAM} check --reporter github --quiet tasks/*.json
  jq .task launch-call.json | ${PROGRAM} check -
  ${PROGRAM} check --type Offer offer.pb

${EXIT_CODES}
`,
  convert: `Usage: ${PROGRAM} convert [--from FORMAT] [--to FORMAT] [--to SCHEMA] [options] [IN] [OUT]

Strictly decodes IN and encodes it as OUT. FORMAT is json (Mesos-style JSON) or binary (protobuf
wire format). IN and OUT default to stdin and stdout ('-' names them explicitly). Nothing is
written unless the whole input decodes and encodes cleanly.

--to v1 or --to seed also converts the message to that schema (toMesosV1 / fromMesosV1): seed to
Mesos 1.11 always works for a decodable message (docker 100 -> 3, volumes moved to ContainerInfo,
slave_id -> agent_id, legacy docker:/// migrated), with warnings on stderr; Mesos 1.11 to seed
fails (exit 1, every field named, nothing written) when the seed cannot carry a field. Stderr
says which schema IN was read with (see Schemas).

convert does not validate: it checks what the codec checks (wire format, UTF-8, enum values,
required fields, unknown JSON keys) but no Mesos or Docker rule, and says so on stderr. Run
'${PROGRAM} check' for the rules.

  --from defaults to IN's extension (.pb/.bin/.binpb: binary, else json); json for stdin.
  --to defaults to OUT's extension, or to the other format when OUT is stdout.
  Binary output is refused when stdout is a terminal: name OUT or redirect.

Options:
      --from FORMAT          input format: json or binary
      --to FORMAT|SCHEMA     output format (json, binary) and/or schema (seed, v1); give it
                             twice or comma-separated for both: --to v1,binary
  -s, --schema SCHEMA        IN's schema: seed, v1 or auto (default auto: detected)
  -t, --type TYPE            message type (default TaskInfo)
      --ignore-unknown-fields
                             drop JSON keys the schema does not know (default: error)
      --max-bytes N          refuse inputs larger than N bytes (default 4MiB; KiB/MiB suffixes)
      --compact              JSON output on one line (default: indented)
      --emit-defaults        JSON output also writes unset fields that have a default, as Mesos
                             does (shell: true, extract: true, role: "*")
  -h, --help                 show this help

${TYPES}

${SCHEMAS}

Examples:
  ${PROGRAM} convert examples/docker-task.json examples/docker-task.pb
  ${PROGRAM} convert --to v1 examples/docker-task.json task-for-mesos-1.11.pb
  ${PROGRAM} convert --to seed,json examples/v1-docker-task.json
  ${PROGRAM} convert --from binary --to json < task.pb

${EXIT_CODES}
`,
  rules: `Usage: ${PROGRAM} rules [--json]

Lists every issue code this package reports, from its catalogue: the code, its severity (error
or warning), which schemas it applies to (seed: the 2014 DockerInfo design; v1: Mesos 1.11),
whether this package is stricter than Mesos there (for v1: than Mesos 1.11), which verbs report
it (validate, decode, encode, launch, cli), what it means and why it matters.

Options:
      --json                 print { rules: [{ code, severity, schemas, stricter, from, what, why }] }
  -h, --help                 show this help

Exit codes:
  0  always, unless the arguments are wrong (2)
`,
};
