// Standard Schema v1 (https://standardschema.dev) validators for Mesos JSON: a `~standard`
// validator that takes Mesos-style JSON (a parsed value or JSON text), decodes it with
// fromMesosJson (../codec) and runs validate (../validation), so any Standard-Schema-aware server
// (Hono, tRPC, form libraries) can accept a TaskInfo directly. This folder sits above both.
// The interface is written out here (types only) instead of depending on @standard-schema/spec.
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { DecodeError, fromMesosJson } from "../codec/index.js";
import { errorIssue, type Issue } from "../problems/index.js";
import {
  ContainerInfoSchema,
  ExecutorInfoSchema,
  OfferSchema,
  TaskInfoSchema,
} from "../schema/index.js";
import { validate } from "../validation/index.js";

/** The Standard Schema v1 interface (structurally identical to `@standard-schema/spec`). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1Props<Input, Output>;
}

export interface StandardSchemaV1Props<Input = unknown, Output = Input> {
  readonly version: 1;
  readonly vendor: string;
  readonly validate: (
    value: unknown,
    options?: StandardSchemaV1Options,
  ) => StandardSchemaV1Result<Output> | Promise<StandardSchemaV1Result<Output>>;
  readonly types?: StandardSchemaV1Types<Input, Output> | undefined;
}

export interface StandardSchemaV1Options {
  readonly libraryOptions?: Record<string, unknown> | undefined;
}

export type StandardSchemaV1Result<Output> =
  | StandardSchemaV1SuccessResult<Output>
  | StandardSchemaV1FailureResult;

export interface StandardSchemaV1SuccessResult<Output> {
  readonly value: Output;
  readonly issues?: undefined;
}

export interface StandardSchemaV1FailureResult {
  readonly issues: readonly StandardSchemaV1Issue[];
}

export interface StandardSchemaV1Issue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | StandardSchemaV1PathSegment)[] | undefined;
}

export interface StandardSchemaV1PathSegment {
  readonly key: PropertyKey;
}

export interface StandardSchemaV1Types<Input = unknown, Output = Input> {
  readonly input: Input;
  readonly output: Output;
}

/**
 * What our `~standard.validate` returns, synchronously: the message, or our issues (each a
 * Standard Schema issue with `code` and `severity` besides `message` and `path`).
 */
export type MesosStandardResult<Output> =
  | StandardSchemaV1SuccessResult<Output>
  | { readonly issues: readonly Issue[] };

/** A Standard Schema for one message type, with a synchronous `validate`. */
export interface MesosStandardSchema<Desc extends DescMessage>
  extends StandardSchemaV1<unknown, MessageShape<Desc>> {
  readonly "~standard": MesosStandardProps<Desc>;
}

/** The `~standard` props of a MesosStandardSchema. */
export interface MesosStandardProps<Desc extends DescMessage>
  extends StandardSchemaV1Props<unknown, MessageShape<Desc>> {
  readonly vendor: "mesos-dockerinfo";
  readonly validate: (
    value: unknown,
    options?: StandardSchemaV1Options,
  ) => MesosStandardResult<MessageShape<Desc>>;
}

export interface StandardSchemaOptions {
  /** Passed to fromMesosJson: skip JSON keys the schema does not know instead of failing. */
  readonly ignoreUnknownFields?: boolean;
}

/**
 * A Standard Schema v1 validator for `schema`: input is Mesos-style JSON (snake_case keys, enum
 * names; a parsed value or JSON text). A decode failure (bad JSON, an unknown key, a wrong type,
 * an unknown enum name) is one issue with code `invalid_input` at the decoder's path; a decoded
 * message with validation errors gives all of validate's issues (warnings included), missing
 * required fields among them. A message with warnings only is a success (Standard Schema has no
 * warnings; call validate on the value to see them).
 */
export function standardSchema<Desc extends DescMessage>(
  schema: Desc,
  options?: StandardSchemaOptions,
): MesosStandardSchema<Desc> {
  // Required fields are left to validate (strict: false), so they come with every other issue
  // at once instead of as the decoder's first error.
  const jsonOptions = { ignoreUnknownFields: options?.ignoreUnknownFields === true, strict: false };
  return {
    "~standard": {
      version: 1,
      vendor: "mesos-dockerinfo",
      validate(value: unknown): MesosStandardResult<MessageShape<Desc>> {
        let message: MessageShape<Desc>;
        try {
          message = fromMesosJson(schema, value, jsonOptions);
        } catch (error) {
          return { issues: [decodeIssue(error)] };
        }
        const result = validate(schema, message);
        return result.success ? { value: message } : { issues: result.issues };
      },
    },
  };
}

function decodeIssue(error: unknown): Issue {
  if (error instanceof DecodeError) return errorIssue("invalid_input", error.path, error.message);
  const why = error instanceof Error ? error.message : String(error);
  return errorIssue("invalid_input", [], `the input could not be decoded: ${why}`);
}

/** Standard Schema for a TaskInfo in Mesos JSON. */
export const TaskInfoStandardSchema = /*@__PURE__*/ standardSchema(TaskInfoSchema);
/** Standard Schema for an ExecutorInfo in Mesos JSON. */
export const ExecutorInfoStandardSchema = /*@__PURE__*/ standardSchema(ExecutorInfoSchema);
/** Standard Schema for an Offer in Mesos JSON. */
export const OfferStandardSchema = /*@__PURE__*/ standardSchema(OfferSchema);
/** Standard Schema for a ContainerInfo in Mesos JSON. */
export const ContainerInfoStandardSchema = /*@__PURE__*/ standardSchema(ContainerInfoSchema);
