// The problem vocabulary of the whole library: one Issue shape, one catalogue of codes, one error
// base class with `.issues`, one result shape. Every other folder builds on this one; it imports
// nothing of the package. Each file's exports are all of the folder's API.
export * from "./codes.js";
export * from "./errors.js";
export * from "./format.js";
export * from "./issue.js";
export * from "./result.js";
