// The codec's messages advise API options (`{ ignoreUnknownFields: true }`, `maxBytes`,
// `{ strict: false }`); on the command line the advice must name a flag, or nothing. The CLI
// chooses its own message by the issue's code and never reads the library's text.
import type { FileIssue } from "./report.js";

export function forCommandLine(issue: FileIssue): FileIssue {
  switch (issue.code) {
    case "unknown_field": {
      const key = issue.path[issue.path.length - 1];
      return {
        ...issue,
        message: `the key ${JSON.stringify(String(key))} names no field of the message (Mesos would drop it silently): fix its spelling, or pass --ignore-unknown-fields to skip unknown keys`,
      };
    }
    case "input_too_large":
      return {
        ...issue,
        message:
          "the input is larger than --max-bytes allows; raise the limit if the file is right",
      };
    case "max_depth_exceeded":
      return {
        ...issue,
        message: "messages are nested deeper than the decoder's limit of 100 levels",
      };
    case "unknown_enum_value":
      return {
        ...issue,
        message:
          "the enum value is not one the schema declares (closed proto2 enum: Mesos drops or rejects it)",
      };
    case "required_field_missing":
      return {
        ...issue,
        message:
          "a required field is not set ('mesos-dockerinfo check' lists it with every other issue)",
      };
    default:
      return issue;
  }
}
