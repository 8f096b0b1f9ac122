// What a domain rule is, and how rules are attached to message types.
//
// A rule is a plain function on one message: it reads the fields it needs (typed property loads,
// so each rule's call site stays monomorphic) and reports through the Collector at the current
// path, plus up to three keys. The structural walk (validation's plan) has already reported
// missing required fields and unknown enum values of that message and walked its children: rules
// only add what the descriptor cannot say. Issues are put in field order afterwards, so a rule
// may report into a child's path (a duplicate at `volume[2].container_dir`) without caring when
// it runs relative to the child's own rules.
import type { DescMessage, Message, MessageShape } from "@bufbuild/protobuf";
import type { Collector } from "./collector.js";

/**
 * Checks one message. `flags` is context from the parent (see Binding.childFlags), e.g. whether a
 * CommandInfo runs in a Docker image; 0 at the root unless the caller says otherwise.
 */
export type Check<M> = (msg: M, c: Collector, flags: number) => void;

/**
 * The flag "a task of a task group" (TaskGroupInfo, or a mesos.v1 TaskInfo whose executor is
 * DEFAULT): here, not in src/mesos-v1, because validate's `taskGroup` option sets it at the root
 * and validation must not load that table. IMAGE_ENTRYPOINT is 1; the v1 table's flags start at 4.
 */
export const GROUP = 2;

/** The rules of one message type. */
export interface Binding<M = Message> {
  /** Rules on the message; they run after its fields and children were walked. */
  readonly check?: Check<M>;
  /**
   * Required fields whose absence a rule reports in its own words (e.g. ExecutorInfo.command
   * gets `executor_command_missing`): the walk does not also report `required_field_missing`.
   */
  readonly ownsRequired?: readonly string[];
  /** Context for a child message field (proto name), computed from this message and its flags. */
  readonly childFlags?: Readonly<Record<string, (msg: M, flags: number) => number>>;
  /**
   * A fast verdict for the rules-only walk of a freshly decoded message (validateDecoded): true
   * only when the rules of this message and every message below it would report nothing, so the
   * walk may skip the subtree. False means "not sure": the walk runs as ever. Meant for a type met
   * many times per message (Resource), and for the root of a fused check (TaskInfo).
   */
  readonly clean?: (msg: M, flags: number) => boolean;
}

/** The rules of every bound message type of one schema, keyed by descriptor. */
export type BindingTable = ReadonlyMap<DescMessage, Binding>;

/** One entry of a binding table, typed by its schema so the rule sees the generated type. */
export function bind<Desc extends DescMessage>(
  schema: Desc,
  binding: Binding<MessageShape<Desc>>,
): [DescMessage, Binding] {
  return [schema, binding as unknown as Binding];
}
