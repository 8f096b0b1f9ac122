// The codec's messages advise API options (`{ ignoreUnknownFields: true }`, `maxBytes`,
// `{ strict: false }`); on the command line the advice must name a flag, or nothing. The CLI
// chooses its own message by the issue's code and never reads the library's text.
import type { IssueCode } from "../problems/index.js";
import type { FileIssue } from "./report.js";

const MESSAGES: Partial<Record<IssueCode, (issue: FileIssue) => string>> = {
  unknown_field: (issue) =>
    `the key ${JSON.stringify(String(issue.path[issue.path.length - 1]))} names no field of the message (Mesos would drop it silently): fix its spelling, or pass --ignore-unknown-fields to skip unknown keys`,
  input_too_large: () =>
    "the input is larger than --max-bytes allows; raise the limit if the file is right",
  max_depth_exceeded: () => "messages are nested deeper than the decoder's limit of 100 levels",
  unknown_enum_value: () =>
    "the enum value is not one the schema declares (closed proto2 enum: Mesos drops or rejects it)",
  required_field_missing: () =>
    "a required field is not set ('mesos-dockerinfo check' lists it with every other issue)",
};

export function forCommandLine(issue: FileIssue): FileIssue {
  const message = MESSAGES[issue.code];
  return message === undefined ? issue : { ...issue, message: message(issue) };
}
