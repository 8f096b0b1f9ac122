// Standard Schema v1 validators for Mesos JSON: decode (../codec) then validate
// (../validation). This folder sits above both. Its one file holds only public API (the package
// root lists each name), so it is re-exported whole.
export * from "./standard-schema.js";
