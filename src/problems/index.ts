// The problem vocabulary of the whole library: one Issue shape, one catalogue of codes, one error
// base class with `.issues`, one result shape. Every other folder builds on this one; it imports
// nothing of the package.
export {
  CODES,
  type CodeInfo,
  ISSUE_CODES,
  type IssueCode,
  type IssueSource,
  type SchemaName,
  type Severity,
} from "./codes.js";
export {
  DecodeError,
  EncodeError,
  isMesosDockerInfoError,
  LaunchError,
  MesosDockerInfoError,
  ValidationError,
} from "./errors.js";
export {
  countIssues,
  formatIssues,
  formatLocation,
  formatPath,
  plural,
  quote,
} from "./format.js";
export { errorIssue, type Issue, type IssuePath } from "./issue.js";
export {
  attempt,
  type Failure,
  fail,
  failWith,
  type Result,
  type Success,
  succeed,
} from "./result.js";
